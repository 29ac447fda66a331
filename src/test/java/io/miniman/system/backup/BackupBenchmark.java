package io.miniman.system.backup;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.system.backup.BackupWriter.VersionedEntries;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Not a test: prints figures. The size of a typical backup (network settings, five users, three stacks with
 * .env files, Docker security, console settings) and the median time to write it and to check it (read,
 * limits, names, checksums: what a restore does before its preview). Runs (argument, default 20):
 *
 *   ./mvnw -q -o test-compile
 *   ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" io.miniman.system.backup.BackupBenchmark 20
 */
public final class BackupBenchmark {

    private BackupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
        Map<String, VersionedEntries> parts = new TreeMap<>();
        parts.put("network", new VersionedEntries(1, Map.of("settings.json",
                json.writerWithDefaultPrettyPrinter().writeValueAsBytes(NetworkSettings.defaults("correct-horse-battery")))));
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        List<Map<String, Object>> users = new ArrayList<>();
        for (String name : List.of("admin", "alice", "bob", "carol", "dave")) {
            users.add(Map.of("username", name, "passwordHash", bcrypt.encode(name + "-Password-1"), "role", "OPERATOR",
                    "enabled", true, "mustChangePassword", false));
        }
        parts.put("users", new VersionedEntries(1, Map.of("users.json", json.writeValueAsBytes(users))));
        Map<String, byte[]> stacks = new TreeMap<>();
        for (String stack : List.of("nextcloud", "pihole", "grafana")) {
            stacks.put(stack + "/compose.yaml", compose(stack).getBytes(StandardCharsets.UTF_8));
            stacks.put(stack + "/.env", ("DB_PASSWORD=secret-" + stack + "\nTZ=Europe/Berlin\nPORT=8080\n").getBytes(StandardCharsets.UTF_8));
        }
        parts.put("stacks", new VersionedEntries(1, stacks));
        parts.put("docker-security", new VersionedEntries(1, Map.of("settings.json", "{\"bindFolders\":[\"/srv/shared\"]}".getBytes(StandardCharsets.UTF_8))));
        parts.put("console", new VersionedEntries(1, Map.of("backup-schedule.json",
                "{\"enabled\":true,\"keep\":7,\"includeUsers\":true}".getBytes(StandardCharsets.UTF_8))));

        Path file = Files.createTempFile("miniman-bench", ".tar.gz");
        BackupReader reader = new BackupReader(16 << 20, 64 << 20, List.of());
        List<Long> writes = new ArrayList<>();
        List<Long> reads = new ArrayList<>();
        byte[] archive = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BackupWriter.write(out, "bench", "box", Instant.now(), parts);
            writes.add(System.nanoTime() - start);
            archive = out.toByteArray();
            Files.write(file, archive);
            start = System.nanoTime();
            reader.read(file);
            reads.add(System.nanoTime() - start);
        }
        Files.delete(file);
        long unpacked = parts.values().stream().flatMap(p -> p.entries().values().stream()).mapToLong(b -> b.length).sum();
        System.out.printf("typical backup: %d bytes (%d bytes unpacked in %d entries)%n", archive.length, unpacked,
                parts.values().stream().mapToInt(p -> p.entries().size()).sum());
        System.out.printf("write: median %.2f ms; check (read + limits + checksums): median %.2f ms (%d runs)%n",
                median(writes), median(reads), runs);
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    private static String compose(String name) {
        return """
                services:
                  %1$s:
                    image: registry.example/%1$s:latest
                    restart: unless-stopped
                    env_file: .env
                    ports:
                      - "${PORT}:80"
                    volumes:
                      - %1$s-data:/data
                    healthcheck:
                      test: ["CMD", "wget", "-qO-", "http://localhost/"]
                      interval: 30s
                  db:
                    image: postgres:16
                    environment:
                      POSTGRES_PASSWORD: ${DB_PASSWORD}
                    volumes:
                      - db:/var/lib/postgresql/data
                volumes:
                  %1$s-data:
                  db:
                """.formatted(name);
    }
}
