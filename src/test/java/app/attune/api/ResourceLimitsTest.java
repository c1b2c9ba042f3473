package app.attune.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Operator;
import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Limits on what one caller can ask of the service: request rate, page size, report range. */
@QuarkusTest
class ResourceLimitsTest {

    /** The test profile's attune.rate-limit.per-minute. */
    private static final int PER_MINUTE = 300;

    @Test
    void aCallerBeyondItsRateGets429WithRetryAfterWhileOthersGoOn() {
        Practitioner hasty = Practitioner.therapist();
        Response refused = null;
        for (int i = 0; i < PER_MINUTE * 2 && refused == null; i++) {
            Response response = hasty.request().get("/api/v1/vocabulary");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertTrue(response.statusCode() == 200, "answered " + response.statusCode());
            }
        }
        assertTrue(refused != null, "never limited");
        refused.then().contentType("application/problem+json").body("status", equalTo(429))
                .body("type", equalTo("urn:attune:problem:too-many-requests"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
        // Another practitioner of the same organization has a budget of its own.
        hasty.colleague("therapist").request().get("/api/v1/vocabulary").then().statusCode(200);
    }

    @Test
    void theOperatorWhoBelongsToNoOrganizationIsCountedToo() {
        Operator.request().get("/api/v1/operator/organizations").then().statusCode(200)
                .header("RateLimit", equalTo("\"default\";r=" + (PER_MINUTE - 1) + ";t=1"));
    }

    @Test
    void pagesAreBounded() {
        Practitioner therapist = Practitioner.therapist();
        therapist.request().queryParam("size", 101).get("/api/v1/alliances").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        therapist.request().queryParam("size", 100).get("/api/v1/alliances").then().statusCode(200);
    }

    @Test
    void aReportSpansAtMostTheConfiguredRange() {
        Practitioner therapist = Practitioner.therapist();
        String alliance = therapist.createAlliance();
        therapist.request().queryParam("from", "2020-01-01").queryParam("to", "2026-01-01")
                .get("/api/v1/alliances/{id}/report", alliance).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("from"));
        therapist.request().queryParam("from", "2022-01-01").queryParam("to", "2026-01-01")
                .get("/api/v1/alliances/{id}/report", alliance).then().statusCode(200);
        // Without from, the report covers the alliance's whole life.
        therapist.request().queryParam("to", "2026-01-01").get("/api/v1/alliances/{id}/report", alliance)
                .then().statusCode(200);
    }
}
