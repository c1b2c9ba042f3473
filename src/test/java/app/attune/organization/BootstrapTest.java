package app.attune.organization;

import static org.hamcrest.Matchers.contains;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bootstrap settings provision one organization and its first admin once the schema is ready. */
@QuarkusTest
@TestProfile(BootstrapTest.Bootstrapped.class)
class BootstrapTest {

    public static class Bootstrapped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("attune.bootstrap.organization", "bootstrapped-clinic",
                    "attune.bootstrap.admin-subject", "bootstrapped-admin");
        }
    }

    @Test
    void theBootstrapOrganizationIsServedWithItsFirstAdmin() {
        Practitioner.of("bootstrapped-admin", "bootstrapped-clinic", "admin").request().get("/api/v1/practitioners/me")
                .then().statusCode(200).body("roles", contains("admin"));
        Practitioner.of("a-therapist", "bootstrapped-clinic", "therapist").request().get("/api/v1/alliances")
                .then().statusCode(200);
    }
}
