package app.attune;

import app.attune.localdb.LocalDatabase;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;

/**
 * Starts Attune. In dev mode without a configured datasource URL (or with ATTUNE_LOCAL_DB=true),
 * it first starts a local PostgreSQL so that `./mvnw quarkus:dev` needs nothing but a JDK.
 */
@QuarkusMain
public class AttuneMain {

    private static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";

    public static void main(String... args) {
        if (wantsLocalDatabase()) {
            String url = LocalDatabase.start(Path.of(setting("ATTUNE_LOCAL_DB_DIRECTORY", "data/postgres")),
                    Integer.parseInt(setting("ATTUNE_LOCAL_DB_PORT", "54329")));
            // System properties outlive dev mode's restarts, so a hot reload reuses the running database.
            System.setProperty(URL_PROPERTY, url);
            System.setProperty("quarkus.datasource.username", "postgres");
            System.setProperty("quarkus.datasource.password", "");
        }
        Quarkus.run(args);
    }

    private static boolean wantsLocalDatabase() {
        boolean configured = System.getProperty(URL_PROPERTY) != null || System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null;
        boolean allowed = LaunchMode.current() == LaunchMode.DEVELOPMENT || "true".equals(System.getenv("ATTUNE_LOCAL_DB"));
        return !configured && allowed;
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
