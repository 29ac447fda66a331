package io.miniman.compose;

import java.util.List;

/** Small starting points for a new stack, using images a user would pull from a registry. */
public final class StackTemplates {

    /** {@code env}: the .env the template expects beside it ("" when none). */
    public record Template(String title, String compose, String env) {
    }

    public static final List<Template> ALL = List.of(
            new Template("Empty", """
                    services:
                      app:
                        image: busybox:1.36
                        command: ["sleep", "infinity"]
                    """, ""),
            new Template("Web server (nginx)", """
                    services:
                      web:
                        image: nginx:1.27-alpine
                        ports:
                          - "8080:80"
                        restart: unless-stopped
                    """, ""),
            new Template("Web app with database", """
                    services:
                      app:
                        image: ghost:5-alpine
                        ports:
                          - "2368:2368"
                        environment:
                          database__client: mysql
                          database__connection__host: db
                          database__connection__user: ghost
                          database__connection__password: ${DB_PASSWORD}
                          database__connection__database: ghost
                        depends_on: [db]
                        restart: unless-stopped
                      db:
                        image: mariadb:11
                        environment:
                          MARIADB_DATABASE: ghost
                          MARIADB_USER: ghost
                          MARIADB_PASSWORD: ${DB_PASSWORD}
                          MARIADB_RANDOM_ROOT_PASSWORD: "1"
                        volumes:
                          - db-data:/var/lib/mysql
                        restart: unless-stopped
                    volumes:
                      db-data: {}
                    """, "DB_PASSWORD=change-me-please\n"),
            new Template("Home automation (Mosquitto MQTT)", """
                    services:
                      mqtt:
                        image: eclipse-mosquitto:2
                        ports:
                          - "1883:1883"
                        volumes:
                          - mqtt-data:/mosquitto/data
                        restart: unless-stopped
                    volumes:
                      mqtt-data: {}
                    """, ""));

    private StackTemplates() {
    }
}
