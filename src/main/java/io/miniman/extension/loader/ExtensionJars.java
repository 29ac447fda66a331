package io.miniman.extension.loader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import io.miniman.extension.ExtensionApi;

/**
 * The jars of the extensions folder, each opened and its descriptor checked before anything of it is put
 * on the class path: a file that is not a jar, or a jar for another API version, is skipped with the reason
 * and the console starts without it.
 */
final class ExtensionJars {

    /** The jars that passed, with their descriptors, and the files that did not. */
    record Scan(List<Found> jars, List<ExtensionProblem> problems) {
    }

    record Found(Path jar, ExtensionDescriptor descriptor) {
    }

    private ExtensionJars() {
    }

    static Scan scan(Path folder, Clock clock) {
        List<Found> found = new ArrayList<>();
        List<ExtensionProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Scan(found, problems);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            problems.add(new ExtensionProblem(folder.toString(), "the folder cannot be read: " + e.getMessage(),
                    clock.instant()));
            return new Scan(found, problems);
        }
        for (Path file : files) {
            if (!file.getFileName().toString().endsWith(".jar")) {
                continue;
            }
            try {
                found.add(new Found(file, descriptorOf(file)));
            } catch (ExtensionRefused e) {
                problems.add(new ExtensionProblem(file.getFileName().toString(), e.getMessage(), clock.instant()));
            }
        }
        return new Scan(found, problems);
    }

    private static ExtensionDescriptor descriptorOf(Path file) {
        try (JarFile jar = new JarFile(file.toFile(), true)) {
            ZipEntry entry = jar.getEntry(ExtensionApi.DESCRIPTOR);
            if (entry == null) {
                throw new ExtensionRefused("it has no " + ExtensionApi.DESCRIPTOR + ": not a console extension");
            }
            Properties properties = new Properties();
            try (InputStream in = jar.getInputStream(entry)) {
                properties.load(in);
            }
            return ExtensionDescriptor.parse(properties, file.getFileName().toString());
        } catch (IOException | SecurityException e) {
            throw new ExtensionRefused("it is not a readable jar: " + e.getMessage());
        }
    }
}
