package app.attune.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Practitioner;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The schema is ready to be distributed by organization (as Citus places a tenant's rows together):
 * read from PostgreSQL's catalog, every table carries organization_id, and every primary, unique and
 * foreign key includes it. The organization table is the tenant itself, keyed by its id.
 */
@QuarkusTest
class TenantKeysTest {

    /** Tables of the schema but not of the product: Flyway's history. */
    private static final String OUTSIDE = "('flyway_schema_history', 'organization')";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyTableCarriesItsOrganization() throws Exception {
        List<String> without = rows("""
                select c.relname from pg_class c
                where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and c.relname not in %s
                  and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organization_id'
                                  and a.attnotnull and not a.attisdropped)
                order by 1""".formatted(OUTSIDE));
        assertEquals(List.of(), without, "tables without a not-null organization_id");
        assertTrue(rows("select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'").size() > 20,
                "the catalog was read");
    }

    @Test
    void everyKeyIncludesTheOrganization() throws Exception {
        List<String> keys = rows("""
                select con.conrelid::regclass || ': ' || pg_get_constraintdef(con.oid)
                from pg_constraint con join pg_class c on c.oid = con.conrelid
                where con.connamespace = 'public'::regnamespace and con.contype in ('p', 'u', 'f') and c.relname not in %s
                  and not exists (select 1 from unnest(con.conkey) k(attnum) join pg_attribute a
                                  on a.attrelid = con.conrelid and a.attnum = k.attnum where a.attname = 'organization_id')
                order by 1""".formatted(OUTSIDE));
        assertEquals(List.of(), keys, "keys without organization_id");
        // A foreign key to another tenant table matches on the organization too, not only on the id.
        List<String> loose = rows("""
                select con.conrelid::regclass || ': ' || pg_get_constraintdef(con.oid)
                from pg_constraint con
                where con.connamespace = 'public'::regnamespace and con.contype = 'f'
                  and con.confrelid <> 'organization'::regclass
                  and not exists (select 1 from unnest(con.confkey) k(attnum) join pg_attribute a
                                  on a.attrelid = con.confrelid and a.attnum = k.attnum where a.attname = 'organization_id')
                order by 1""");
        assertEquals(List.of(), loose, "foreign keys that reach another organization's rows");
    }

    @Test
    void aChildRowTakesItsParentsOrganization() throws Exception {
        Practitioner therapist = Practitioner.therapist();
        String alliance = therapist.createAlliance();
        therapist.request().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of(
                        "occurredAt", "2026-10-02T15:00:00Z", "attendance", "ATTENDED",
                        "measures", List.of(Map.of("instrument", "SRS", "timing", "POST_SESSION", "items",
                                Map.of("RELATIONSHIP", 8.5, "GOALS_AND_TOPICS", 7.0, "APPROACH", 9.0, "OVERALL", 8.0)))))
                .post("/api/v1/alliances/{id}/sessions", alliance).then().statusCode(201);
        List<String> filled = rows("""
                select i.organization_id::text from measure_item i join measure m on m.id = i.measure_id
                where m.alliance_id = '%s'
                union all
                select k.organization_id::text from idempotency_key k where k.practitioner_id = '%s'""".formatted(alliance,
                therapist.id()));
        assertEquals(5, filled.size(), "four SRS items and one idempotency key: " + filled);
        // Filled by the trigger of V17 for the tables that reach their organization through a parent.
        List<String> mismatched = rows("""
                select 'measure_item' from measure_item i join measure m on m.id = i.measure_id
                where i.organization_id <> m.organization_id
                union all
                select 'alliance_participant' from alliance_participant p join alliance a on a.id = p.alliance_id
                where p.organization_id <> a.organization_id
                union all
                select 'idempotency_key' from idempotency_key k join practitioner p on p.id = k.practitioner_id
                where k.organization_id <> p.organization_id""");
        assertEquals(List.of(), mismatched);
    }

    private List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(sql);
                ResultSet row = query.executeQuery()) {
            while (row.next()) {
                rows.add(row.getString(1));
            }
        }
        return rows;
    }
}
