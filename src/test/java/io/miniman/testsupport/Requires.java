package io.miniman.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Guards for tests that need a real program or root. Without it a test is skipped with the reason;
 * with MINIMAN_TEST_STRICT=1 (set by .ci/run) the missing piece fails the test instead.
 */
public final class Requires {

    private static final List<String> SEARCH_PATH =
            List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private Requires() {
    }

    public static boolean strict() {
        return "1".equals(System.getenv("MINIMAN_TEST_STRICT"));
    }

    /** Returns the program's absolute path, or skips/fails the test when it is not installed. */
    public static Path program(String name) {
        for (String dir : SEARCH_PATH) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        unmet("program '" + name + "' is not installed (see .ci/run for the packages)");
        return null;
    }

    public static void root() {
        if (!"root".equals(System.getProperty("user.name"))) {
            unmet("this test needs root (network namespaces, iptables)");
        }
    }

    /** A precondition that is not about a program, e.g. "docker engine answers". */
    public static void that(boolean condition, String missing) {
        if (!condition) {
            unmet(missing);
        }
    }

    private static void unmet(String reason) {
        if (strict()) {
            Assertions.fail("MINIMAN_TEST_STRICT=1 and " + reason);
        }
        Assumptions.abort("skipped: " + reason);
    }
}
