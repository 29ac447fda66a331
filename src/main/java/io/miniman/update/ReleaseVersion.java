package io.miniman.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A console version ({@code 0.3.1}, {@code 0.4.0-SNAPSHOT}), ordered as people expect: numbers by
 * value, and a qualified build before its release.
 */
public record ReleaseVersion(String text) implements Comparable<ReleaseVersion> {

    static final String BUILD_INFO = "META-INF/build-info.properties";

    public ReleaseVersion {
        if (text == null || !text.matches("[0-9]+(\\.[0-9]+){0,3}(-[A-Za-z0-9.]+)?")) {
            throw new IllegalArgumentException("'" + text + "' is not a version like 1.2.3");
        }
    }

    /** The running console's version, from the build-info the build wrote; "0" when run from an IDE without it. */
    public static ReleaseVersion current() {
        try (InputStream in = ReleaseVersion.class.getClassLoader().getResourceAsStream(BUILD_INFO)) {
            if (in == null) {
                return new ReleaseVersion("0");
            }
            Properties properties = new Properties();
            properties.load(in);
            return new ReleaseVersion(properties.getProperty("build.version", "0"));
        } catch (IOException e) {
            return new ReleaseVersion("0");
        }
    }

    /** The version a Spring Boot jar carries, read from its build-info without running it. */
    public static ReleaseVersion ofJar(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            // Spring Boot's repackaging puts META-INF at the jar's root, where its launcher serves it from
            ZipEntry entry = zip.getEntry(BUILD_INFO);
            if (entry == null) {
                throw new IllegalArgumentException("'" + jar.getFileName() + "' is not a console build: it carries no "
                        + BUILD_INFO);
            }
            Properties properties = new Properties();
            try (InputStream in = zip.getInputStream(entry)) {
                properties.load(in);
            }
            return new ReleaseVersion(properties.getProperty("build.version", ""));
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + jar.getFileName() + "' is not a readable jar: " + e.getMessage());
        }
    }

    @Override
    public int compareTo(ReleaseVersion other) {
        String[] mine = text.split("-", 2);
        String[] theirs = other.text.split("-", 2);
        String[] a = mine[0].split("\\.");
        String[] b = theirs[0].split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            long x = i < a.length ? Long.parseLong(a[i]) : 0;
            long y = i < b.length ? Long.parseLong(b[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        if (mine.length != theirs.length) {
            return mine.length > 1 ? -1 : 1;
        }
        return mine.length > 1 ? mine[1].compareTo(theirs[1]) : 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
