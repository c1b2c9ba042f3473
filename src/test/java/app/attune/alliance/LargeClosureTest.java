package app.attune.alliance;

import static app.attune.support.Journal.rupture;
import static app.attune.support.Journal.session;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.attune.support.Journal;
import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A transaction with thousands of changes stays within the driver's 65,535 parameters per statement. */
@QuarkusTest
class LargeClosureTest {

    private static final int SESSIONS = 60;
    private static final int RUPTURES_PER_SESSION = 50;

    @Test
    void closingAnAllianceWithThreeThousandOpenRupturesLeavesEachUnresolvedAtClose() {
        Practitioner therapist = Practitioner.therapist();
        String alliance = therapist.createAlliance();
        for (int s = 0; s < SESSIONS; s++) {
            Journal.SessionBody body = session("2026-%02d-%02d".formatted(9 + s / 28, 1 + s % 28));
            @SuppressWarnings("unchecked")
            Map<String, Object>[] ruptures = new Map[RUPTURES_PER_SESSION];
            for (int r = 0; r < RUPTURES_PER_SESSION; r++) {
                ruptures[r] = rupture("WITHDRAWAL", 2, List.of());
            }
            therapist.postSession(alliance, body.ruptures(ruptures)).statusCode(201);
        }
        String cursor = readToTheEnd(therapist, "0").cursor();
        therapist.request().header("If-Match", "\"0\"").body(Map.of("status", "CLOSED_UNPLANNED", "endedOn", "2026-12-01"))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(200).body("status", equalTo("CLOSED_UNPLANNED"));
        therapist.request().get("/api/v1/alliances/{id}/report", alliance).then().statusCode(200)
                .body("summary.unresolvedAtClose", equalTo(SESSIONS * RUPTURES_PER_SESSION))
                .body("summary.openRuptures", equalTo(0));
        // Each rupture's new status is a change in the feed, and so is the closing.
        assertEquals(SESSIONS * RUPTURES_PER_SESSION + 1, readToTheEnd(therapist, cursor).changes());
    }

    private record Read(String cursor, int changes) {
    }

    private static Read readToTheEnd(Practitioner reader, String since) {
        String cursor = since;
        int changes = 0;
        boolean more = true;
        while (more) {
            var page = reader.request().queryParam("since", cursor).queryParam("limit", 1000).get("/api/v1/changes").then()
                    .statusCode(200).extract();
            changes += page.<List<?>>path("changes").size();
            cursor = page.path("nextCursor");
            more = page.path("more");
        }
        return new Read(cursor, changes);
    }
}
