package app.attune.report;

import static app.attune.support.Journal.repair;
import static app.attune.support.Journal.rupture;
import static app.attune.support.Journal.session;
import static app.attune.support.Journal.srs;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Practitioner;
import app.attune.support.Sql;
import app.attune.support.StandbyReader;
import app.attune.support.Supervision;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * With a standby configured, the report figures are read there and the rest stays on the primary.
 * The standby here is the test database reached as a role that may only read, in read-only
 * transactions, so pg_stat_statements tells which statements went where.
 */
@QuarkusTest
@TestProfile(ReportsFromStandbyTest.FromStandby.class)
class ReportsFromStandbyTest {

    public static class FromStandby implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StandbyReader.class));
        }
    }

    @Inject
    AgroalDataSource primary;

    @Inject
    Supervision supervision;

    private final Practitioner therapist = Practitioner.therapist();

    @Test
    void theFiguresOfEveryReportAreReadFromTheStandbyAndNothingElseIs() throws Exception {
        Sql.execute(primary, "create extension if not exists pg_stat_statements", "select pg_stat_statements_reset()");
        Practitioner supervisor = therapist.colleague("supervisor");
        supervision.link(supervisor, therapist);
        String alliance = therapist.createAlliance();
        therapist.postSession(alliance, session("2026-09-03").measures(srs(8))
                .ruptures(rupture("WITHDRAWAL", 3, List.of(), repair("INVITE_DISCUSSION_OF_RUPTURE", "RESOLVED")))).statusCode(201);
        therapist.postSession(alliance, session("2026-09-10").measures(srs(9))).statusCode(201);

        therapist.request().queryParam("from", "2026-09-01").queryParam("to", "2026-09-30")
                .get("/api/v1/alliances/{id}/report", alliance).then().statusCode(200)
                .body("sessions.size()", equalTo(2)).body("ruptures.size()", equalTo(1))
                .body("ruptures[0].status", equalTo("RESOLVED"));
        therapist.request().get("/api/v1/reports/caseload").then().statusCode(200).body("items[0].alliance.id", equalTo(alliance));
        supervisor.request().get("/api/v1/reports/supervisees").then().statusCode(200).body("items[0].sessions", notNullValue());
        supervisor.request().get("/api/v1/reports/review-queue").then().statusCode(200);
        therapist.request().accept("application/pdf").queryParam("includeNotes", true)
                .get("/api/v1/alliances/{id}/report", alliance).then().statusCode(200);

        List<String> onStandby = Sql.column(primary,
                "select query from pg_stat_statements where userid = '" + StandbyReader.ROLE + "'::regrole");
        for (String shape : List.of("with scope as", "and awaiting_cosign group by alliance_id", "therapist_of as",
                "left join repair rp on rp.rupture_id = r.id", "select number, occurred_at, note from session")) {
            assertTrue(onStandby.stream().anyMatch(q -> q.contains(shape)), "not read from the standby: " + shape);
        }
        for (String statement : onStandby) {
            String text = statement.stripLeading().toLowerCase();
            assertTrue(text.startsWith("select") || text.startsWith("with") || text.startsWith("--")
                    || Set.of("begin", "begin read only", "commit", "rollback", "show transaction isolation level").contains(text)
                    || text.startsWith("set "), "the standby was sent: " + statement);
        }
        // Access checks and the audit trail stay on the primary.
        List<String> onPrimary = Sql.column(primary, "select query from pg_stat_statements where userid = 'postgres'::regrole");
        assertTrue(onPrimary.stream().anyMatch(q -> q.startsWith("insert into audit")), "no audit event on the primary");
        assertTrue(onPrimary.stream().noneMatch(q -> q.contains("with scope as")), "a report statement ran on the primary");
    }

    @Test
    void withoutTheStandbyAReportIs503AndAnswersAgainOnceItIsBack() throws Exception {
        String alliance = therapist.createAlliance();
        therapist.createSession(alliance, "2026-09-03");
        therapist.request().get("/api/v1/alliances/{id}/report", alliance).then().statusCode(200);
        // The standby refuses connections, and those it had are gone.
        Sql.execute(primary, "alter role " + StandbyReader.ROLE + " nologin",
                "select pg_terminate_backend(pid) from pg_stat_activity where usename = '" + StandbyReader.ROLE + "'");
        try {
            Response away = therapist.request().get("/api/v1/alliances/{id}/report", alliance);
            assertEquals(503, away.statusCode());
            assertEquals("application/problem+json", away.contentType());
            assertTrue(away.header("Retry-After") != null, "503 without Retry-After");
            // The rest of the service does not need the standby.
            therapist.request().get("/api/v1/alliances/{id}", alliance).then().statusCode(200);
            therapist.request().get("/q/health/ready").then().statusCode(200);
        } finally {
            Sql.execute(primary, "alter role " + StandbyReader.ROLE + " login");
        }
        List<Integer> answers = new ArrayList<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        do {
            answers.add(therapist.request().get("/api/v1/alliances/{id}/report", alliance).statusCode());
        } while (answers.get(answers.size() - 1) != 200 && System.nanoTime() < deadline);
        assertEquals(200, answers.get(answers.size() - 1), "the standby was never used again: " + answers);
        assertTrue(answers.stream().allMatch(s -> s == 200 || s == 503), "answers while it came back: " + answers);
    }


}
