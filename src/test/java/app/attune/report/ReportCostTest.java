package app.attune.report;

import static app.attune.support.Journal.rupture;
import static app.attune.support.Journal.session;
import static app.attune.support.Journal.srs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.attune.support.Journal;
import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** A report costs the same number of statements for a short alliance as for a long one (no N+1). */
@QuarkusTest
class ReportCostTest {

    @Inject
    SessionFactory sessionFactory;

    @Test
    void aReportsStatementCountDoesNotGrowWithTheAlliance() {
        Practitioner therapist = Practitioner.therapist();
        String shortAlliance = allianceWith(therapist, 1);
        String longAlliance = allianceWith(therapist, 12);
        for (String accept : List.of("application/json", "image/svg+xml")) {
            long forShort = statements(therapist, shortAlliance, accept);
            long forLong = statements(therapist, longAlliance, accept);
            assertEquals(forShort, forLong, accept + ": statements for 1 session vs 12 sessions");
        }
        Practitioner.therapist().request().get("/api/v1/reports/caseload").then().statusCode(200);
        long emptyCaseload = caseloadStatements(therapist);
        allianceWith(therapist, 3);
        allianceWith(therapist, 5);
        assertEquals(emptyCaseload, caseloadStatements(therapist), "statements for a caseload of 2 vs 4 alliances");
    }

    @Test
    void supervisionReportsCostTheSameForOneSuperviseeAsForThree() {
        Practitioner first = Practitioner.therapist();
        Practitioner admin = first.firstAdmin();
        Practitioner supervisor = first.colleague("supervisor");
        String supervisorId = supervisor.id();
        supervise(admin, first, supervisorId);
        allianceWith(first, 2);
        long[] small = supervisionStatements(supervisor);
        for (int i = 0; i < 2; i++) {
            Practitioner other = first.colleague("therapist");
            supervise(admin, other, supervisorId);
            allianceWith(other, 4);
            allianceWith(other, 6);
        }
        assertEquals(small[0], supervisionStatements(supervisor)[0], "supervisees: 1 supervisee vs 3");
        assertEquals(small[1], supervisionStatements(supervisor)[1], "review queue: 1 alliance vs 5");
    }

    private long[] supervisionStatements(Practitioner supervisor) {
        long[] counts = new long[2];
        int i = 0;
        for (String path : List.of("/api/v1/reports/supervisees", "/api/v1/reports/review-queue")) {
            supervisor.request().get(path).then().statusCode(200);
            long before = sessionFactory.getStatistics().getPrepareStatementCount();
            supervisor.request().get(path).then().statusCode(200);
            counts[i++] = sessionFactory.getStatistics().getPrepareStatementCount() - before;
        }
        return counts;
    }

    private static void supervise(Practitioner admin, Practitioner supervisee, String supervisorId) {
        String id = supervisee.id();
        admin.request().header("If-Match", admin.etag("/api/v1/practitioners/{id}", id))
                .body(java.util.Map.of("supervisorId", supervisorId)).patch("/api/v1/practitioners/{id}", id)
                .then().statusCode(200);
    }

    private long statements(Practitioner therapist, String alliance, String accept) {
        therapist.request().accept(accept).get("/api/v1/alliances/{id}/report", alliance).then().statusCode(200);
        long before = sessionFactory.getStatistics().getPrepareStatementCount();
        therapist.request().accept(accept).get("/api/v1/alliances/{id}/report", alliance).then().statusCode(200);
        return sessionFactory.getStatistics().getPrepareStatementCount() - before;
    }

    private long caseloadStatements(Practitioner therapist) {
        long before = sessionFactory.getStatistics().getPrepareStatementCount();
        therapist.request().get("/api/v1/reports/caseload").then().statusCode(200);
        return sessionFactory.getStatistics().getPrepareStatementCount() - before;
    }

    private static String allianceWith(Practitioner therapist, int sessions) {
        String alliance = therapist.createAlliance(therapist.createClient(), "2026-01-01");
        for (int i = 1; i <= sessions; i++) {
            Journal.SessionBody body = session("2026-02-%02d".formatted(i)).measures(srs(8 + (i % 3)));
            if (i % 2 == 0) {
                body.ruptures(rupture("WITHDRAWAL", 2, List.of("tag-" + i)));
            }
            therapist.postSession(alliance, body).statusCode(201);
        }
        return alliance;
    }
}
