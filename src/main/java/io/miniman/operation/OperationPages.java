package io.miniman.operation;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * Every row of a filter, read in pages of {@value #PAGE} so an export of the whole log holds one page in
 * memory however long the log is. Pages follow the last row seen (keyset), so rows arriving meanwhile
 * neither shift nor repeat a page.
 */
@Component
public class OperationPages {

    static final int PAGE = 500;
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("startTime"), Sort.Order.desc("id"));

    private final OperationLogRepository repository;

    OperationPages(OperationLogRepository repository) {
        this.repository = repository;
    }

    /**
     * Hands each row, newest first, to {@code sink} as {@code reader} may see it (empty: the console's own
     * work, which reads everything). Each page is its own short read, so no transaction spans the export.
     */
    public void forEach(OperationFilter filter, Optional<OperationReader> reader, Consumer<OperationUpdate> sink) {
        Specification<OperationLog> matching = OperationSpecifications.of(filter, reader);
        OperationUpdate last = null;
        while (true) {
            Specification<OperationLog> page = last == null ? matching : matching.and(OperationSpecifications.olderThan(last));
            List<OperationLog> rows = repository.findBy(page, query -> query.sortBy(NEWEST_FIRST).limit(PAGE).all());
            for (OperationLog row : rows) {
                OperationUpdate update = row.toUpdate();
                sink.accept(reader.map(r -> r.shown(update)).orElse(update));
                last = update;
            }
            if (rows.size() < PAGE) {
                return;
            }
        }
    }
}
