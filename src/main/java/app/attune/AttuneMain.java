package app.attune;

import app.attune.localdb.LocalDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts Attune. Without a configured datasource URL it first starts a local PostgreSQL, so that
 * `./mvnw quarkus:dev` needs nothing but a JDK. ATTUNE_LOCAL_DB=false turns that off. The packaged
 * service does not carry the embedded PostgreSQL (a provided dependency), so there it never starts.
 */
@QuarkusMain
public class AttuneMain {

    private static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";

    public static void main(String... args) {
        if (!datasourceConfigured() && !"false".equals(System.getenv("ATTUNE_LOCAL_DB")) && embeddedPostgresPresent()) {
            String url = LocalDatabase.start(Path.of(setting("ATTUNE_LOCAL_DB_DIRECTORY", "data/postgres")),
                    Integer.parseInt(setting("ATTUNE_LOCAL_DB_PORT", "54329")));
            // System properties outlive dev mode's restarts, so a hot reload reuses the running database.
            System.setProperty(URL_PROPERTY, url);
            System.setProperty("quarkus.datasource.username", "postgres");
            System.setProperty("quarkus.datasource.password", "");
        }
        Quarkus.run(args);
    }

    private static boolean datasourceConfigured() {
        if (System.getProperty(URL_PROPERTY) != null || System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return true;
        }
        try {
            return ConfigProvider.getConfig().getOptionalValue(URL_PROPERTY, String.class).isPresent();
        } catch (RuntimeException e) {
            return false; // no configuration readable yet: only the sources checked above count
        }
    }

    /** Checked here, so that the packaged service never loads a class that names the absent library. */
    private static boolean embeddedPostgresPresent() {
        try {
            Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", false, AttuneMain.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
