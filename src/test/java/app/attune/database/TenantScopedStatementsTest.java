package app.attune.database;

import static app.attune.support.Journal.repair;
import static app.attune.support.Journal.rupture;
import static app.attune.support.Journal.session;
import static app.attune.support.Journal.srs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Practitioner;
import app.attune.support.Sql;
import app.attune.support.Supervision;
import io.agroal.api.AgroalDataSource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Which statements the service sends about a tenant's rows without restricting them to one
 * organization, read back from pg_stat_statements after a workload through the API. Under an
 * engine that distributes by organization (Citus) a statement restricted to one organization's
 * value goes to the one node holding its rows; one that only selects the column, or none, goes to
 * every node, and an insert that leaves the organization to a trigger cannot be routed at all. The
 * statements left unscoped by design are listed below, by kind, and any other fails this test.
 */
@QuarkusTest
class TenantScopedStatementsTest {

    /**
     * Statements that do not name one organization, by design (the start of their text, as
     * pg_stat_statements normalizes it): each looks across organizations.
     */
    private static final List<Pattern> ACROSS_ORGANIZATIONS = Stream.of(
            // Who the caller is: found by the organization's key, which a distributed engine keeps in
            // a reference table beside each node's practitioners.
            Pattern.quote("select o.id, o.suspended, p.id, p.roles, p.active from organization o left join practitioner p "
                    + "on p.organization_id = o.id and p.subject = $1 where o.org_key = $2"),
            // Background work across organizations, which under Citus would run on every node (their
            // constants are shown as written or as $n, whichever execution pg_stat_statements kept):
            // the research-export claim and expiry, the sequencer's lag gauge, the key purge, the
            // webhook sender's lease.
            "update research_export set status = \\S+, claim = gen_random_uuid\\(\\)",
            Pattern.quote("with expired as ( update research_export set status ="),
            Pattern.quote("select organization_id, extract("),
            Pattern.quote("delete from idempotency_key where expires_at <="),
            Pattern.quote("with busy as ( select w.organization_id,")).map(Pattern::compile).toList();

    private static final Pattern INSERT_NAMING_IT = Pattern.compile("^\\s*insert into [a-z_]+\\s*\\([^)]*\\borganization_id\\b");
    private static final Pattern RESTRICTED_TO_ONE = Pattern.compile(
            "\\borganization_id\\s*(=\\s*|=\\s*any\\s*\\(\\s*|\\)\\s*in\\s*\\(\\(\\s*\\$\\d+\\s*,\\s*)\\$\\d+");

    private static final Pattern TABLE = Pattern.compile("\\b(?:from|join|into|update)\\s+([a-z_][a-z0-9_]*)");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Supervision supervision;

    @Test
    void aStatementIsScopedByARestrictionToOneOrganizationNotBySelectingTheColumn() {
        assertTrue(scoped("select a.id from alliance a where a.organization_id = $1 and a.id = $2"));
        assertTrue(scoped("select i.score from measure_item i where (i.measure_id,i.organization_id) in (($1,$2))"));
        assertTrue(scoped("insert into measure_item (measure_id,organization_id,item_code,score) values ($1,$2,$3,$4)"));
        assertFalse(scoped("select c.id,c.organization_id from client c where c.id=$1"));
        assertFalse(scoped("insert into measure_item (measure_id,item_code,score) values ($1,$2,$3)"));
        assertFalse(scoped("select s.id from session s join alliance a on a.organization_id = s.organization_id where s.id = $1"));
    }

    @Test
    void noStatementAboutATenantsRowsOmitsItsOrganizationUnlessKnown() throws Exception {
        Sql.execute(dataSource, "create extension if not exists pg_stat_statements", "select pg_stat_statements_reset()");
        workload();
        Set<String> tenantTables = new TreeSet<>(Sql.column(dataSource, """
                select c.relname from pg_class c join pg_attribute a on a.attrelid = c.oid
                where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and a.attname = 'organization_id'"""));
        List<String> statements = Sql.column(dataSource, """
                select s.query from pg_stat_statements s
                where s.dbid = (select oid from pg_database where datname = current_database())""");
        List<String> unscoped = new ArrayList<>();
        int aboutTenants = 0;
        for (String statement : statements) {
            String text = statement.toLowerCase(Locale.ROOT);
            if (tables(text).stream().anyMatch(tenantTables::contains)) {
                aboutTenants++;
                String normalized = statement.replaceAll("\\s+", " ").strip();
                if (!scoped(text) && ACROSS_ORGANIZATIONS.stream().noneMatch(known -> known.matcher(normalized).lookingAt())) {
                    unscoped.add(normalized);
                }
            }
        }
        assertTrue(aboutTenants > 30, "the workload's statements were read back (" + aboutTenants + ")");
        assertEquals(List.of(), unscoped, unscoped.size() + " of " + aboutTenants
                + " statements do not name the organization and are not among those known");
    }

    /** Writes and reads of every kind a therapist, a supervisor, an EHR, an admin and a researcher make. */
    private void workload() throws InterruptedException {
        Practitioner therapist = Practitioner.therapist();
        Practitioner supervisor = therapist.colleague("supervisor");
        Practitioner admin = therapist.colleague("admin");
        Practitioner ehr = therapist.colleague("integration");
        supervision.link(supervisor, therapist);
        String webhook = admin.request().body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("session.created")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        String alliance = therapist.createAlliance();
        String session = therapist.postSession(alliance, session("2026-09-03").measures(srs(8))
                .ruptures(rupture("WITHDRAWAL", 3, List.of(), repair("INVITE_DISCUSSION_OF_RUPTURE", "RESOLVED"))))
                .statusCode(201).extract().path("id");
        String next = therapist.createSession(alliance, "2026-09-10");
        String rupture = therapist.request().get("/api/v1/alliances/{id}/ruptures", alliance).then().statusCode(200)
                .extract().path("items[0].id");
        therapist.request().header("If-Match", therapist.etag("/api/v1/sessions/{id}", session))
                .body(Map.of("durationMinutes", 45)).patch("/api/v1/sessions/{id}", session).then().statusCode(200);
        therapist.request().header("If-Match", therapist.etag("/api/v1/ruptures/{id}", rupture))
                .body(Map.of("significance", 4)).patch("/api/v1/ruptures/{id}", rupture).then().statusCode(200);
        therapist.request().header("If-Match", therapist.etag("/api/v1/sessions/{id}", session))
                .post("/api/v1/sessions/{id}/sign", session).then().statusCode(200);
        therapist.request().body(Map.of("text", "The client wrote after the session.")).post("/api/v1/sessions/{id}/addenda", session)
                .then().statusCode(201);
        therapist.request().body(srs(9)).post("/api/v1/sessions/{id}/measures", next).then().statusCode(201);
        therapist.request().body(rupture("CONFRONTATION", 2, List.of())).post("/api/v1/sessions/{id}/ruptures", next)
                .then().statusCode(201);
        therapist.request().body(Map.of("sessionId", next, "strategies", List.of("CLARIFY_MISUNDERSTANDING"),
                "outcome", "PARTIALLY_RESOLVED")).post("/api/v1/ruptures/{id}/repairs", rupture).then().statusCode(201);
        String ended = therapist.createAlliance();
        therapist.request().header("If-Match", therapist.etag("/api/v1/alliances/{id}", ended))
                .body(Map.of("status", "CLOSED_UNPLANNED", "startedOn", "2026-09-02", "endedOn", "2026-09-30")).patch("/api/v1/alliances/{id}", ended)
                .then().statusCode(200);
        for (String path : List.of("/api/v1/alliances/" + alliance, "/api/v1/alliances/" + alliance + "/sessions",
                "/api/v1/alliances/" + alliance + "/report", "/api/v1/sessions/" + session, "/api/v1/sessions?externalId=none",
                "/api/v1/ruptures/" + rupture, "/api/v1/alliances", "/api/v1/clients", "/api/v1/reports/caseload",
                "/api/v1/alliances/" + alliance + "/fhir", "/api/v1/practitioners/me", "/api/v1/organization/settings")) {
            therapist.request().get(path).then().statusCode(200);
        }
        cosignAndReturn(therapist.colleague("therapist"), supervisor, admin);
        // An EHR's keyed post, and its retry answered from the stored answer.
        String key = UUID.randomUUID().toString();
        // Its own key, not the fresh one request() gives an integration.
        Supplier<RequestSpecification> keyed = () -> RestAssured.given().header("Authorization", "Bearer " + ehr.token())
                .contentType(ContentType.JSON).header("Idempotency-Key", key).body(session("2026-09-17"));
        keyed.get().post("/api/v1/alliances/{id}/sessions", alliance).then().statusCode(201);
        keyed.get().post("/api/v1/alliances/{id}/sessions", alliance).then().statusCode(201).header("Idempotent-Replayed", "true");
        ehr.request().get("/api/v1/changes").then().statusCode(200);
        supervisor.request().get("/api/v1/reports/supervisees").then().statusCode(200);
        supervisor.request().get("/api/v1/reports/review-queue").then().statusCode(200);
        for (String path : List.of("/api/v1/practitioners", "/api/v1/practitioners/" + therapist.id(), "/api/v1/audit-events",
                "/api/v1/audit-events/verify", "/api/v1/audit-events/checkpoint", "/api/v1/webhooks",
                "/api/v1/webhooks/" + webhook + "/deliveries")) {
            admin.request().get(path).then().statusCode(200);
        }
        admin.request().delete("/api/v1/webhooks/{id}", webhook).then().statusCode(204);
        researchExport(therapist.colleague("researcher"));
    }

    /** A pre-licensed therapist's two signed sessions: its supervisor co-signs one and returns the other. */
    private static void cosignAndReturn(Practitioner trainee, Practitioner supervisor, Practitioner admin) {
        admin.request().header("If-Match", admin.etag("/api/v1/practitioners/{id}", trainee.id()))
                .body(Map.of("supervisorId", supervisor.id(), "licensed", false)).patch("/api/v1/practitioners/{id}", trainee.id())
                .then().statusCode(200);
        String alliance = trainee.createAlliance();
        List<String> sessions = List.of(trainee.createSession(alliance, "2026-09-04"), trainee.createSession(alliance, "2026-09-11"));
        for (String session : sessions) {
            trainee.request().header("If-Match", trainee.etag("/api/v1/sessions/{id}", session))
                    .post("/api/v1/sessions/{id}/sign", session).then().statusCode(200);
        }
        supervisor.request().header("If-Match", supervisor.etag("/api/v1/sessions/{id}", sessions.get(0)))
                .post("/api/v1/sessions/{id}/cosign", sessions.get(0)).then().statusCode(200);
        supervisor.request().header("If-Match", supervisor.etag("/api/v1/sessions/{id}", sessions.get(1)))
                .body(Map.of("text", "Say what the client said about the missed session.")).post("/api/v1/sessions/{id}/return", sessions.get(1))
                .then().statusCode(200);
    }

    /** A research export, waited for and downloaded: the background worker's statements are in the count. */
    private static void researchExport(Practitioner researcher) throws InterruptedException {
        String export = researcher.request().body(Map.of("from", "2026-01-01", "to", "2026-12-31")).post("/api/v1/research-exports")
                .then().statusCode(202).extract().path("id");
        String status = "QUEUED";
        for (int i = 0; i < 300 && !status.equals("DONE"); i++) {
            Thread.sleep(100);
            status = researcher.request().get("/api/v1/research-exports/{id}", export).then().statusCode(200).extract().path("status");
        }
        assertEquals("DONE", status, "the research export did not finish");
        researcher.request().accept("application/zip").get("/api/v1/research-exports/{id}/data", export).then().statusCode(200);
    }

    /**
     * An insert is routed by the organization it names among its columns; any other statement by a
     * restriction to one organization's value (a column merely selected routes nothing).
     */
    static boolean scoped(String statement) {
        if (statement.stripLeading().startsWith("insert into")) {
            return INSERT_NAMING_IT.matcher(statement).find();
        }
        return RESTRICTED_TO_ONE.matcher(statement).find();
    }

    private static Set<String> tables(String statement) {
        Set<String> tables = new TreeSet<>();
        Matcher matcher = TABLE.matcher(statement);
        while (matcher.find()) {
            tables.add(matcher.group(1));
        }
        return tables;
    }


}
