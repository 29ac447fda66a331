package io.miniman.box;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import io.miniman.update.ReleaseVersion;
import io.miniman.update.UpdateActions;

/**
 * Console releases for the update steps, made from the packaged jar without a rebuild: the same entries
 * with another {@code build.version} in the build-info the console reads its version from, and optionally
 * more entries (a migration, a configuration that keeps the web server from starting). Nested jars stay
 * STORED, as Spring Boot's launcher needs them.
 */
final class ReleaseJars {

    private static final String BUILD_INFO = "META-INF/build-info.properties";

    private ReleaseJars() {
    }

    /** {@code miniman-VERSION.jar} and its {@code .sha256} in {@code folder}; returns the jar. */
    static Path release(Path packaged, Path folder, ReleaseVersion version, Map<String, String> extra) throws IOException {
        Path jar = folder.resolve("miniman-" + version + ".jar");
        try (ZipFile in = new ZipFile(packaged.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().equals(BUILD_INFO)) {
                    Properties info = new Properties();
                    try (InputStream text = in.getInputStream(entry)) {
                        info.load(text);
                    }
                    info.setProperty("build.version", version.text());
                    out.putNextEntry(new ZipEntry(BUILD_INFO));
                    info.store(out, null);
                } else {
                    ZipEntry copy = new ZipEntry(entry);
                    if (copy.getMethod() == ZipEntry.DEFLATED) {
                        // compressed anew here, to a size of its own
                        copy.setCompressedSize(-1);
                    }
                    out.putNextEntry(copy);
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            for (Map.Entry<String, String> added : extra.entrySet()) {
                out.putNextEntry(new ZipEntry(added.getKey()));
                out.write(added.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        try (OutputStream sum = Files.newOutputStream(folder.resolve(jar.getFileName() + ".sha256"))) {
            sum.write((UpdateActions.sha256(jar) + "  " + jar.getFileName() + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return jar;
    }

    /** The next major version after {@code version}, plus {@code minor}: newer than anything the box runs yet. */
    static ReleaseVersion newer(ReleaseVersion version, int minor) {
        return new ReleaseVersion((Long.parseLong(version.text().split("[.-]")[0]) + 1) + "." + minor + ".0");
    }
}
