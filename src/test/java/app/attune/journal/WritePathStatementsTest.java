package app.attune.journal;

import static app.attune.support.Journal.repair;
import static app.attune.support.Journal.rupture;
import static app.attune.support.Journal.session;
import static app.attune.support.Journal.srs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Practitioner;
import app.attune.support.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a whole-session write asks of PostgreSQL, read back from pg_stat_statements. */
@QuarkusTest
class WritePathStatementsTest {

    @Inject
    AgroalDataSource dataSource;

    /** An individual alliance has no participants, so checking its client's measures reads none. */
    @Test
    void aWholeSessionOfAnIndividualAllianceReadsNoParticipants() throws Exception {
        Sql.execute(dataSource, "create extension if not exists pg_stat_statements");
        Practitioner therapist = Practitioner.therapist();
        String alliance = therapist.createAlliance();
        long sessionsBefore = calls("insert into session");
        long participantReadsBefore = calls("from alliance_participant");

        for (String day : List.of("2026-09-03", "2026-09-10", "2026-09-17")) {
            therapist.postSession(alliance, session(day).measures(srs(8))
                    .ruptures(rupture("WITHDRAWAL", 3, List.of(), repair("INVITE_DISCUSSION_OF_RUPTURE", "RESOLVED"))))
                    .statusCode(201);
        }

        assertEquals(3, calls("insert into session") - sessionsBefore, "the statements were read back");
        assertEquals(0, calls("from alliance_participant") - participantReadsBefore);
        // A couple's alliance still checks whose measure it is against its participants.
        String couple = therapist.request().body(Map.of("clientId", therapist.createClient(), "startedOn", "2026-09-01",
                        "format", "COUPLE", "participants", List.of("partner-a", "partner-b")))
                .post("/api/v1/alliances").then().statusCode(201).extract().path("id");
        // The client's SRS names no participant: refused, after reading whose it could be.
        therapist.postSession(couple, session("2026-09-03").measures(srs(8))).statusCode(400);
        assertTrue(calls("from alliance_participant") > participantReadsBefore, "a couple's participants were read");
    }

    /** The calls so far of every statement whose text contains the fragment. */
    private long calls(String fragment) throws Exception {
        return Long.parseLong(Sql.column(dataSource, "select coalesce(sum(calls), 0) from pg_stat_statements "
                + "where dbid = (select oid from pg_database where datname = current_database()) "
                + "and query ilike '%" + fragment + "%'").get(0));
    }
}
