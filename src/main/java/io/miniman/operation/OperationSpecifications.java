package io.miniman.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.domain.Specification;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

final class OperationSpecifications {

    private OperationSpecifications() {
    }

    /** The filter's rows; a reader who may not see a row's details cannot find it by them either. */
    static Specification<OperationLog> of(OperationFilter filter, Optional<OperationReader> reader) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.type() != null) {
                where.add(cb.equal(root.get("type"), filter.type()));
            }
            if (filter.status() != null) {
                where.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.user() != null && !filter.user().isBlank()) {
                where.add(cb.equal(root.get("user"), filter.user().strip()));
            }
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("startTime"), filter.from()));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(root.get("startTime"), filter.to()));
            }
            if (filter.target() != null && !filter.target().isBlank()) {
                where.add(cb.like(cb.lower(root.get("target")), like(filter.target()), '\\'));
            }
            if (filter.text() != null && !filter.text().isBlank()) {
                String like = like(filter.text());
                where.add(cb.or(
                        cb.like(cb.lower(root.get("name")), like, '\\'),
                        cb.like(cb.lower(root.get("target")), like, '\\'),
                        cb.like(cb.lower(root.get("result")), like, '\\'),
                        cb.like(cb.lower(root.get("errorMessage")), like, '\\'),
                        detailsSearchable(root, cb, reader, cb.like(cb.lower(root.get("details")), like, '\\'))));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** Rows after {@code last} in the newest-first order (keyset paging: no offset scan, no drift while rows arrive). */
    static Specification<OperationLog> olderThan(OperationUpdate last) {
        return (root, query, cb) -> cb.or(cb.lessThan(root.get("startTime"), last.startTime()),
                cb.and(cb.equal(root.get("startTime"), last.startTime()), cb.lessThan(root.get("id"), last.id())));
    }

    private static String like(String text) {
        return "%" + text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Predicate detailsSearchable(Root<OperationLog> root, CriteriaBuilder cb, Optional<OperationReader> reader,
            Predicate detailsMatch) {
        if (reader.isEmpty() || reader.get().admin()) {
            return detailsMatch;
        }
        Predicate readable = cb.or(cb.notEqual(root.get("type"), OperationType.DOCKER),
                cb.not(root.get("name").in(OperationReader.PRIVATE_DETAILS)),
                cb.equal(root.get("user"), reader.get().name()));
        return cb.and(detailsMatch, readable);
    }
}
