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
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Which statements the service sends about a tenant's rows without restricting them to one
 * organization, read back from pg_stat_statements after a workload through the API. Under an
 * engine that distributes by organization (Citus) a statement restricted to one organization's
 * value goes to the one node holding its rows; one that only selects the column, or none, goes to
 * every node, and an insert that leaves the organization to a trigger cannot be routed at all. The
 * statements not scoped yet are listed below, by kind, and any other fails this test.
 */
@QuarkusTest
class TenantScopedStatementsTest {

    /**
     * Statements known not to name the organization (the start of their text, as pg_stat_statements
     * normalizes it), to be scoped before the schema is distributed.
     */
    private static final List<String> NOT_YET_SCOPED = List.of(
            // Hibernate's updates by id and version: Hibernate ORM 7.2 puts no tenant column in
            // mutation SQL (it does from 7.4, HHH-20883, with @TenantId).
            "update practitioner set active=$1,display_name=$2,licensed=$3,roles=$4,supervisor_id=$5,updated_at=$6,version=$7 "
                    + "where id=$8 and version=$9",
            "update session set attendance=$1,", "update rupture set description=$1,",
            // Hibernate's refresh by id, of a session or rupture read again once its alliance is locked.
            "select ts1_0.id,ts1_0.alliance_id,ts1_0.attendance,ts1_0.awaiting_cosign,ts1_0.cosigned_at,ts1_0.cosigned_by,"
                    + "ts1_0.created_at,ts1_0.duration_minutes,ts1_0.external_id,ts1_0.mode,ts1_0.note,ts1_0.number,"
                    + "ts1_0.occurred_at,ts1_0.organization_id,ts1_0.private_note,ts1_0.private_note_author_id,ts1_0.signed_at,"
                    + "ts1_0.signed_by,ts1_0.status,ts1_0.updated_at,ts1_0.version from session ts1_0 where ts1_0.id=$1",
            "select r1_0.id,r1_0.alliance_id,r1_0.created_at,r1_0.description,r1_0.dimension,r1_0.markers,r1_0.minute_in_session,"
                    + "r1_0.organization_id,r1_0.reported_by,r1_0.session_id,r1_0.significance,r1_0.status,r1_0.tags,"
                    + "r1_0.therapist_contribution,r1_0.type,r1_0.updated_at,r1_0.version from rupture r1_0 where r1_0.id=$1",
            // Who the caller is: found by the organization's key, which a distributed engine keeps in
            // a reference table beside each node's practitioners.
            "select o.id, o.suspended, p.id, p.roles, p.active from organization o left join practitioner p "
                    + "on p.organization_id = o.id and p.subject = $1 where o.org_key = $2",
            // Background work across organizations, which under Citus would run on every node (their
            // constants are shown as written or as $n, whichever execution pg_stat_statements kept).
            "update research_export set status = ", "with expired as ( update research_export set status =",
            "delete from pending_commit where id = any(", "select organization_id, extract(",
            "with busy as ( select w.organization_id,");

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
                if (!scoped(text) && NOT_YET_SCOPED.stream().noneMatch(normalized::startsWith)) {
                    unscoped.add(normalized);
                }
            }
        }
        assertTrue(aboutTenants > 30, "the workload's statements were read back (" + aboutTenants + ")");
        assertEquals(List.of(), unscoped, unscoped.size() + " of " + aboutTenants
                + " statements do not name the organization and are not among those known");
    }

    /** Writes and reads of every kind a therapist, a supervisor, an EHR and an admin make. */
    private void workload() {
        Practitioner therapist = Practitioner.therapist();
        Practitioner supervisor = therapist.colleague("supervisor");
        Practitioner admin = therapist.colleague("admin");
        Practitioner ehr = therapist.colleague("integration");
        supervision.link(supervisor, therapist);
        String alliance = therapist.createAlliance();
        String session = therapist.postSession(alliance, session("2026-09-03").measures(srs(8))
                .ruptures(rupture("WITHDRAWAL", 3, List.of(), repair("INVITE_DISCUSSION_OF_RUPTURE", "RESOLVED"))))
                .statusCode(201).extract().path("id");
        therapist.createSession(alliance, "2026-09-10");
        String rupture = therapist.request().get("/api/v1/alliances/{id}/ruptures", alliance).then().statusCode(200)
                .extract().path("items[0].id");
        therapist.request().header("If-Match", therapist.etag("/api/v1/sessions/{id}", session))
                .body(Map.of("durationMinutes", 45)).patch("/api/v1/sessions/{id}", session).then().statusCode(200);
        therapist.request().header("If-Match", therapist.etag("/api/v1/ruptures/{id}", rupture))
                .body(Map.of("significance", 4)).patch("/api/v1/ruptures/{id}", rupture).then().statusCode(200);
        therapist.request().header("If-Match", therapist.etag("/api/v1/sessions/{id}", session))
                .post("/api/v1/sessions/{id}/sign", session).then().statusCode(200);
        for (String path : List.of("/api/v1/alliances/" + alliance, "/api/v1/alliances/" + alliance + "/sessions",
                "/api/v1/alliances/" + alliance + "/report", "/api/v1/sessions/" + session, "/api/v1/sessions?externalId=none",
                "/api/v1/ruptures/" + rupture, "/api/v1/alliances", "/api/v1/clients", "/api/v1/reports/caseload",
                "/api/v1/alliances/" + alliance + "/fhir", "/api/v1/practitioners/me", "/api/v1/organization/settings")) {
            therapist.request().get(path).then().statusCode(200);
        }
        ehr.request().get("/api/v1/changes").then().statusCode(200);
        supervisor.request().get("/api/v1/reports/supervisees").then().statusCode(200);
        supervisor.request().get("/api/v1/reports/review-queue").then().statusCode(200);
        admin.request().get("/api/v1/practitioners").then().statusCode(200);
        admin.request().get("/api/v1/audit-events").then().statusCode(200);
        admin.request().get("/api/v1/audit-events/verify").then().statusCode(200);
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
