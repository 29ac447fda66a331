package io.miniman.operation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.jpa.domain.Specification;

import jakarta.persistence.criteria.Predicate;

final class OperationSpecifications {

    private OperationSpecifications() {
    }

    static Specification<OperationLog> of(OperationFilter filter) {
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
            if (filter.text() != null && !filter.text().isBlank()) {
                String like = "%" + filter.text().strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
                where.add(cb.or(
                        cb.like(cb.lower(root.get("name")), like, '\\'),
                        cb.like(cb.lower(root.get("target")), like, '\\'),
                        cb.like(cb.lower(root.get("result")), like, '\\'),
                        cb.like(cb.lower(root.get("errorMessage")), like, '\\'),
                        cb.like(cb.lower(root.get("details")), like, '\\')));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
