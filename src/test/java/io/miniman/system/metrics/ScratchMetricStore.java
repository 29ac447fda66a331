package io.miniman.system.metrics;

import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.sqlite.SQLiteConfig;

/** A metric store on a database file of its own, migrated by the console's own Flyway scripts. */
final class ScratchMetricStore {

    private ScratchMetricStore() {
    }

    static MetricStore open(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // one connection for the whole run, as the console's pool keeps them open: opening SQLite per statement is slow
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:sqlite:" + file.toAbsolutePath(), true);
        dataSource.setConnectionProperties(config.toProperties());
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new MetricStore(dataSource, new DataSourceTransactionManager(dataSource));
    }
}
