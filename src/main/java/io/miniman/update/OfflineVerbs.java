package io.miniman.update;

import java.nio.file.Files;
import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * The jar's dry-run verbs, run before Spring starts: {@code --version} prints the version, and
 * {@code check --db FILE} opens the database read-only and validates this build's migrations
 * against it, pending ones allowed. They cannot be {@link io.miniman.CliVerb}s: the application
 * context would migrate the database on its way up, which is exactly what a check must not do.
 */
public final class OfflineVerbs {

    private OfflineVerbs() {
    }

    /** @return the exit code, or -1 when {@code args} names no offline verb */
    public static int run(String[] args) {
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("miniman " + ReleaseVersion.current());
            return 0;
        }
        if (args.length >= 1 && args[0].equals("check")) {
            if (args.length != 3 || !args[1].equals("--db")) {
                System.err.println("usage: check --db FILE");
                return 2;
            }
            String problem = check(Path.of(args[2]));
            System.out.println(problem == null ? "check ok: migrations valid for miniman " + ReleaseVersion.current() : problem);
            return problem == null ? 0 : 1;
        }
        return -1;
    }

    /** @return null when this build can run on the database, else why not */
    static String check(Path database) {
        if (!Files.isRegularFile(database)) {
            return "no database at " + database;
        }
        // open_mode=1 is SQLITE_OPEN_READONLY: nothing, not even a journal, is written
        Flyway flyway = Flyway.configure()
                .dataSource("jdbc:sqlite:" + database.toAbsolutePath() + "?open_mode=1", null, null)
                .locations("classpath:db/migration")
                .ignoreMigrationPatterns("*:pending")
                .load();
        try {
            ValidateResult result = flyway.validateWithResult();
            if (result.validationSuccessful) {
                return null;
            }
            StringBuilder why = new StringBuilder("migrations do not match the database:");
            result.invalidMigrations.forEach(m -> why.append("\n  ").append(m.version == null ? m.filepath : m.version)
                    .append(": ").append(m.errorDetails == null ? "invalid" : m.errorDetails.errorMessage));
            return why.toString();
        } catch (RuntimeException e) {
            return "cannot check the database: " + e.getMessage();
        }
    }
}
