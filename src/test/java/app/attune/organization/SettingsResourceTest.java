package app.attune.organization;

import static app.attune.support.Journal.session;
import static app.attune.support.Journal.srs;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SettingsResourceTest {

    private final Practitioner therapist = Practitioner.therapist();

    @Test
    void anOrganizationStartsWithThePublishedDefaults() {
        therapist.request().get("/api/v1/organization/settings").then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("srsCutoff", equalTo(36)).body("srsItemFloor", equalTo(9)).body("orsCutoff", equalTo(25))
                .body("orsReliableChange", equalTo(5)).body("repairWindowSessions", equalTo(3))
                .body("openRuptureLimitDays", equalTo(21));
    }

    @Test
    void anAdminChangesThemAndReportsFollow() {
        String alliance = therapist.createAlliance(therapist.createClient(), "2026-01-01");
        therapist.postSession(alliance, session("2026-02-02").measures(srs(8.9))).statusCode(201);
        therapist.request().get("/api/v1/alliances/{id}/report", alliance).then()
                .body("sessions[0].flags", containsInAnyOrder("SRS_BELOW_CUTOFF", "SRS_ITEM_LOW"));

        Practitioner admin = therapist.colleague("admin");
        Map<String, Object> lenient = Map.of("srsCutoff", 35.5, "srsItemFloor", 8.5, "orsCutoff", 25,
                "orsReliableChange", 5, "repairWindowSessions", 4, "openRuptureLimitDays", 14);
        therapist.request().header("If-Match", "\"0\"").body(lenient).put("/api/v1/organization/settings")
                .then().statusCode(403);
        admin.request().body(lenient).put("/api/v1/organization/settings").then().statusCode(428);
        admin.request().header("If-Match", "\"0\"").body(lenient).put("/api/v1/organization/settings").then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("srsCutoff", equalTo(35.5f)).body("openRuptureLimitDays", equalTo(14));
        admin.request().header("If-Match", "\"0\"").body(lenient).put("/api/v1/organization/settings").then().statusCode(412);

        therapist.request().get("/api/v1/alliances/{id}/report", alliance).then()
                .body("sessions[0].flags", containsInAnyOrder());
        // Another organization keeps its own defaults.
        Practitioner.therapist().request().get("/api/v1/organization/settings").then().body("srsCutoff", equalTo(36));
    }

    @Test
    void invalidThresholdsAreAllNamedAndChangeNothing() {
        Practitioner admin = therapist.colleague("admin");
        admin.request().header("If-Match", "\"0\"").body(Map.of("srsCutoff", 41, "srsItemFloor", 9.25, "orsCutoff", -1,
                "orsReliableChange", 0, "repairWindowSessions", 0, "openRuptureLimitDays", 400))
                .put("/api/v1/organization/settings").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("srsCutoff", "srsItemFloor", "orsCutoff", "orsReliableChange",
                        "repairWindowSessions", "openRuptureLimitDays"));
        admin.request().header("If-Match", "\"0\"").body(Map.of("srsCutoff", 36)).put("/api/v1/organization/settings")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("srsItemFloor", "orsCutoff",
                        "orsReliableChange", "repairWindowSessions", "openRuptureLimitDays"));
        admin.request().header("If-Match", "\"0\"").body(Map.of("srsCutoff", 36, "srsItemFloor", 9, "orsCutoff", 25,
                "orsReliableChange", 5, "repairWindowSessions", 3, "openRuptureLimitDays", 21, "version", 9))
                .put("/api/v1/organization/settings").then().statusCode(400).body("errors[0].field", equalTo("version"));
        therapist.request().get("/api/v1/organization/settings").then().header("ETag", equalTo("\"0\""))
                .body("srsCutoff", equalTo(36));
    }
}
