package io.miniman.bench;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * nginx in front of the console as on a box: provisioning's site and proxy snippet, and the http settings
 * of Debian's own nginx.conf (its gzip lines; by default gzip covers text/html only). Differences from the
 * box, each only so it runs beside other work: a free port instead of 80 (so the proxy passes the port on
 * for the console's redirects), files under a scratch folder, and an access log of the bytes sent per request.
 */
final class BoxNginx implements AutoCloseable {

    private final Process process;
    private final String host;
    private final int port;
    private final Path accessLog;

    private BoxNginx(Process process, String host, int port, Path accessLog) {
        this.process = process;
        this.host = host;
        this.port = port;
        this.accessLog = accessLog;
    }

    static BoxNginx start(Path work, int consolePort, int port) throws Exception {
        Path dir = Files.createDirectories(work.resolve("nginx"));
        Path provisioning = Path.of("provisioning/nginx");
        Files.writeString(dir.resolve("miniman-proxy.conf"), Files.readString(provisioning.resolve("miniman-proxy.conf"))
                .replace("127.0.0.1:8000", "127.0.0.1:" + consolePort)
                .replace("proxy_set_header Host $host;",
                        "proxy_set_header Host $http_host;\nproxy_set_header X-Forwarded-Port $server_port;"));
        String site = Files.readString(provisioning.resolve("miniman")).lines()
                .filter(line -> !line.contains("[::]:80"))
                .map(line -> line.replace("listen 80 default_server;", "listen " + port + ";")
                        .replace("include snippets/miniman-proxy.conf;", "include " + dir.resolve("miniman-proxy.conf") + ";"))
                .collect(Collectors.joining("\n"));
        String debianHttp = Files.readAllLines(Path.of("/etc/nginx/nginx.conf")).stream().map(String::strip)
                .filter(line -> line.startsWith("gzip") || line.startsWith("include /etc/nginx/mime.types")
                        || line.startsWith("default_type") || line.startsWith("sendfile") || line.startsWith("tcp_nopush"))
                .collect(Collectors.joining("\n"));
        Path accessLog = dir.resolve("access.log");
        String temp = List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi").stream()
                .map(kind -> kind + "_temp_path " + dir.resolve(kind) + ";").collect(Collectors.joining("\n"));
        Files.writeString(dir.resolve("nginx.conf"), """
                user root;
                worker_processes 1;
                pid %s;
                error_log %s;
                events { worker_connections 256; }
                http {
                %s
                %s
                log_format bench '$bytes_sent $status $request_method $uri $sent_http_content_encoding';
                access_log %s bench;
                %s
                }
                """.formatted(dir.resolve("nginx.pid"), dir.resolve("error.log"), debianHttp, temp, accessLog, site));
        Process process = new ProcessBuilder("nginx", "-c", dir.resolve("nginx.conf").toString(), "-p", dir.toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!listening(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroy();
                throw new IllegalStateException("nginx not listening: " + Files.readString(dir.resolve("out.log")));
            }
            Thread.sleep(100);
        }
        return new BoxNginx(process, siteAddress(), port, accessLog);
    }

    /** A non-loopback address: Chromium treats it as a phone treats 192.168.50.1 (not a secure origin). */
    private static String siteAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(nic -> {
            try {
                return nic.isUp() && !nic.isLoopback();
            } catch (IOException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address)
                .map(a -> a.getHostAddress()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no non-loopback IPv4 address"));
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    String base() {
        return "http://" + host + ":" + port;
    }

    String host() {
        return host;
    }

    Path accessLog() {
        return accessLog;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
