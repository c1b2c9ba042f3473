package app.attune.research;

import static app.attune.support.Journal.repairOf;
import static app.attune.support.Journal.session;
import static app.attune.support.Journal.srs;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Practitioner;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * A research export of an organization whose every free-text field, external id, label, name and
 * date identifies someone: nothing of it may reach the ZIP, and what does reach it must still
 * give the organization's own figures.
 */
@QuarkusTest
class ResearchExportTest {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4}|\\d{2}:\\d{2}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}");

    @Inject
    AgroalDataSource database;

    private final Practitioner therapist = Practitioner.therapist();
    private final Practitioner admin = therapist.firstAdmin();
    private final List<String> identifying = new ArrayList<>();

    @Test
    void nothingIdentifyingLeavesAndTheFiguresStillHold() throws Exception {
        Practitioner researcher = therapist.colleague("researcher");
        approveTags("missed-session");
        Journal journal = journal();

        String first = startAndWait(researcher, "2026-01-01", "2026-06-30");
        Map<String, String> zip = download(researcher, first);
        assertTrue(zip.keySet().containsAll(List.of("alliances.csv", "sessions.csv", "measures.csv", "measure_items.csv",
                "ruptures.csv", "repairs.csv", "practitioners.csv", "counts_by_marker.csv", "counts_by_strategy.csv",
                "counts_by_age_band.csv", "counts_by_format.csv", "data-dictionary.csv", "README.txt")), zip.keySet()::toString);

        // Nothing identifying, anywhere: every known value, every id, every date or time of day.
        for (Map.Entry<String, String> file : zip.entrySet()) {
            for (String value : identifying) {
                assertFalse(file.getValue().toLowerCase().contains(value.toLowerCase()), file.getKey() + " holds " + value);
            }
            assertFalse(DATE.matcher(file.getValue()).find(), file.getKey() + " holds a date or time");
            assertFalse(UUID_TEXT.matcher(file.getValue()).find(), file.getKey() + " holds a real id");
            if (file.getKey().endsWith(".csv")) {
                for (CSVRecord row : csv(zip, file.getKey())) {
                    for (String cell : row) {
                        assertFalse(cell.equals("1931") || cell.equals("2010") || cell.equals("2026"),
                                file.getKey() + " holds a birth year or a year");
                    }
                }
            }
        }

        // Pseudonyms hold within the export.
        List<CSVRecord> alliances = csv(zip, "alliances.csv");
        List<CSVRecord> sessions = csv(zip, "sessions.csv");
        List<CSVRecord> ruptures = csv(zip, "ruptures.csv");
        List<CSVRecord> repairs = csv(zip, "repairs.csv");
        Set<String> alliancePseudonyms = column(alliances, "alliance");
        assertEquals(2, alliancePseudonyms.size());
        assertEquals(alliancePseudonyms, column(sessions, "alliance"));
        assertTrue(column(sessions, "session").containsAll(column(ruptures, "session")));
        assertTrue(column(ruptures, "rupture").containsAll(column(repairs, "rupture")));
        assertEquals(column(alliances, "therapist"), column(csv(zip, "practitioners.csv"), "practitioner"));

        // The individual alliance: day offsets from its first session, its client's age band, no year.
        CSVRecord individual = alliances.stream().filter(a -> a.get("format").equals("INDIVIDUAL")).findFirst().orElseThrow();
        String a = individual.get("alliance");
        assertEquals(List.of("90 and over", "-28", "", "", "3"), List.of(individual.get("age_band"), individual.get("started_day"),
                individual.get("ended_day"), individual.get("first_session_year"), individual.get("sessions")));
        assertEquals(Set.of("0", "7", "14"), sessions.stream().filter(s -> s.get("alliance").equals(a))
                .map(s -> s.get("day")).collect(Collectors.toSet()));
        assertEquals(List.of("14"), repairs.stream().filter(r -> r.get("strategies").equals("ACKNOWLEDGE_OWN_CONTRIBUTION"))
                .map(r -> r.get("day")).toList());
        CSVRecord couple = alliances.stream().filter(x -> x.get("format").equals("COUPLE")).findFirst().orElseThrow();
        assertEquals(List.of("under 18", "2"), List.of(couple.get("age_band"), couple.get("participants")));
        assertEquals(Set.of("2"), csv(zip, "measures.csv").stream().filter(m -> m.get("alliance").equals(couple.get("alliance")))
                .map(m -> m.get("participant")).collect(Collectors.toSet()));

        // Approved tags only; a free one reads "other".
        assertEquals(Set.of("missed-session;other", ""), column(ruptures, "tags"));

        // Small cells: 11 ruptures with one marker are counted, 10 with another suppressed.
        Map<String, CSVRecord> byMarker = csv(zip, "counts_by_marker.csv").stream()
                .collect(Collectors.toMap(r -> r.get("category"), r -> r));
        assertEquals(List.of("11", "false"), List.of(byMarker.get("MINIMAL_RESPONSE").get("count"),
                byMarker.get("MINIMAL_RESPONSE").get("suppressed")));
        assertEquals(List.of("", "true"), List.of(byMarker.get("DENIAL").get("count"), byMarker.get("DENIAL").get("suppressed")));

        // The organization's own figures, recomputed from the files.
        List<CSVRecord> attended = sessions.stream().filter(s -> s.get("alliance").equals(a)
                && s.get("attendance").equals("ATTENDED")).toList();
        Set<String> withRupture = ruptures.stream().filter(r -> r.get("alliance").equals(a)).map(r -> r.get("session"))
                .collect(Collectors.toSet());
        long attendedWithRupture = attended.stream().filter(s -> withRupture.contains(s.get("session"))).count();
        List<CSVRecord> ofA = ruptures.stream().filter(r -> r.get("alliance").equals(a)).toList();
        long resolved = ofA.stream().filter(r -> r.get("status").equals("RESOLVED")).count();
        JsonPath report = therapist.request().get("/api/v1/alliances/{id}/report", journal.individual()).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(report.getDouble("summary.ruptureRate"), round(attendedWithRupture, attended.size()), 0.0005);
        assertEquals(report.getDouble("summary.resolutionRate"), round(resolved, ofA.size()), 0.0005);

        // The dictionary names every column of every file.
        Set<String> described = csv(zip, "data-dictionary.csv").stream().map(r -> r.get("file") + "." + r.get("column"))
                .collect(Collectors.toSet());
        for (String file : zip.keySet()) {
            if (file.endsWith(".csv") && !file.equals("data-dictionary.csv")) {
                for (String header : csv(zip, file).isEmpty() ? List.<String>of() : csv(zip, file).get(0).getParser().getHeaderNames()) {
                    assertTrue(described.contains(file + "." + header), file + "." + header + " is not in the dictionary");
                }
            }
        }
        assertTrue(zip.get("README.txt").contains("ruptures.csv: 21"), zip.get("README.txt"));

        // Another export: the same data under unrelated pseudonyms.
        String second = startAndWait(admin, "2026-01-01", "2026-06-30");
        Set<String> again = column(csv(download(admin, second), "alliances.csv"), "alliance");
        assertEquals(2, again.size());
        assertTrue(again.stream().noneMatch(alliancePseudonyms::contains), "pseudonyms repeat across exports");

        researcher.request().get("/api/v1/research-exports/{id}", first).then().statusCode(200)
                .body("status", equalTo("DONE")).body("percent", equalTo(100)).body("rowCounts.'ruptures.csv'", equalTo(21));
        admin.request().queryParam("actor", researcher.id()).queryParam("size", 100).get("/api/v1/audit-events").then()
                .statusCode(200).body("items.findAll { it.resourceId == '" + first + "' }.action", hasItems("CREATE", "READ", "EXPORT"))
                .body("items.findAll { it.resourceId == '" + first + "' }.resourceType", hasItems("RESEARCH_EXPORT"));
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() throws Exception {
        Practitioner researcher = therapist.colleague("researcher");
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("from", "2026-03-01", "to", "2026-02-01"),
                Map.<String, Object>of("from", "2020-01-01", "to", "2026-01-01"), Map.<String, Object>of("from", "2026-01-01"),
                Map.<String, Object>of("from", "2026-01-01", "to", "2026-02-01", "includeNotes", true),
                Map.<String, Object>of("from", "yesterday", "to", "2026-02-01"))) {
            researcher.request().body(bad).post("/api/v1/research-exports").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        therapist.request().body(Map.of("from", "2026-01-01", "to", "2026-02-01")).post("/api/v1/research-exports").then()
                .statusCode(403);
        // An unknown role cannot be granted.
        String id = therapist.id();
        admin.request().header("If-Match", admin.etag("/api/v1/practitioners/{id}", id))
                .body(Map.of("roles", List.of("therapist", "researchr"))).patch("/api/v1/practitioners/{id}", id).then()
                .statusCode(400).contentType("application/problem+json");

        // Not done yet: 409; expired: 404; another organization's: 404.
        String running = insert(researcher, "RUNNING", "now() + interval '1 hour'", null);
        researcher.request().accept("application/zip, application/problem+json")
                .get("/api/v1/research-exports/{id}/data", running).then().statusCode(409)
                .contentType("application/problem+json");
        String expired = insert(researcher, "DONE", null, "now() - interval '1 minute'");
        researcher.request().accept("application/zip, application/problem+json")
                .get("/api/v1/research-exports/{id}/data", expired).then().statusCode(404)
                .contentType("application/problem+json");
        Practitioner.therapist().firstAdmin().request().get("/api/v1/research-exports/{id}", running).then().statusCode(404);
        researcher.request().get("/api/v1/research-exports/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Inject
    ExportWriter writer;

    /** A worker whose lease lapsed and whose export another worker claimed writes nothing into it. */
    @Test
    void aWorkerThatLostItsClaimWritesNothing() throws Exception {
        Practitioner researcher = therapist.colleague("researcher");
        String id = insert(researcher, "RUNNING", "now() + interval '1 hour'", null);
        try (Connection db = database.getConnection(); PreparedStatement claim = db.prepareStatement(
                "update research_export set claim = gen_random_uuid() where id = ?")) {
            claim.setObject(1, UUID.fromString(id));
            assertEquals(1, claim.executeUpdate());
        }
        ExportWorker.Claim stale = new ExportWorker.Claim(UUID.fromString(id), organizationOf(id), UUID.randomUUID());
        Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> writer.write(stale));
        assertTrue(refused.getMessage().contains("taken over"), refused.getMessage());
        try (Connection db = database.getConnection(); PreparedStatement chunks = db.prepareStatement(
                "select count(*), (select rows_written from research_export where id = ?) from research_export_chunk"
                        + " where export_id = ?")) {
            chunks.setObject(1, UUID.fromString(id));
            chunks.setObject(2, UUID.fromString(id));
            try (var row = chunks.executeQuery()) {
                row.next();
                assertEquals(List.of(0L, 0L), List.of(row.getLong(1), row.getLong(2)));
            }
        }
    }

    /** Two alliances, the first with identifying text in every free field. */
    private record Journal(String individual, String couple) {
    }

    private Journal journal() {
        String subject = therapist.request().get("/api/v1/practitioners/me").then().extract().path("subject");
        identifying.addAll(List.of(subject, "Dr " + subject, "MRN-4411", "Jane Quincy", "Quincy", "Mabel", "EPISODE-77",
                "SESSION-EXT-9", "jane-quincy-divorce", "jane-partner", "quincy-partner", "countertransference"));
        String client = therapist.request().body(Map.of("externalId", "MRN-4411", "displayLabel", "Jane Quincy Doe",
                "birthYear", 1931)).post("/api/v1/clients").then().statusCode(201).extract().path("id");
        String individual = therapist.request().body(Map.of("clientId", client, "startedOn", "2026-01-05",
                "externalId", "EPISODE-77")).post("/api/v1/alliances").then().statusCode(201).extract().path("id");
        List<Map<String, Object>> withdrawals = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            withdrawals.add(new HashMap<>(Map.of("type", "WITHDRAWAL", "markers", List.of("MINIMAL_RESPONSE"), "significance", 2,
                    "tags", List.of("missed-session", "jane-quincy-divorce"), "description", "Jane Quincy spoke of Mabel")));
        }
        var first = therapist.postSession(individual, session("2026-02-02").measures(srs(9)).with("externalId", "SESSION-EXT-9")
                .with("note", "Jane Quincy Doe spoke of her sister Mabel.").with("privateNote", "Countertransference about Mabel.")
                .ruptures(withdrawals.toArray(Map[]::new))).statusCode(201).extract();
        String firstSession = first.path("id");
        String toRepair = first.path("ruptures[0].id");
        List<Map<String, Object>> denials = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            denials.add(Map.of("type", "WITHDRAWAL", "markers", List.of("DENIAL"), "significance", 3));
        }
        therapist.postSession(individual, session("2026-02-09").measures(srs(8)).ruptures(denials.toArray(Map[]::new)))
                .statusCode(201);
        therapist.postSession(individual, session("2026-02-16").measures(srs(9.5))
                .repairs(repairOf(toRepair, "ACKNOWLEDGE_OWN_CONTRIBUTION", "RESOLVED"))).statusCode(201);
        therapist.request().header("If-Match", therapist.etag("/api/v1/sessions/{id}", firstSession))
                .post("/api/v1/sessions/{id}/sign", firstSession).then().statusCode(200);
        therapist.request().body(Map.of("text", "Addendum: Mabel called on Quincy's behalf."))
                .post("/api/v1/sessions/{id}/addenda", firstSession).then().statusCode(201);

        String young = therapist.request().body(Map.of("displayLabel", "Quincy junior", "birthYear", 2010))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        String couple = therapist.request().body(Map.of("clientId", young, "startedOn", "2026-03-01", "format", "COUPLE",
                "participants", List.of("jane-partner", "quincy-partner"))).post("/api/v1/alliances").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> partnerSrs = new HashMap<>(srs(9));
        partnerSrs.put("participant", "quincy-partner");
        therapist.postSession(couple, session("2026-03-02").measures(partnerSrs)).statusCode(201);
        identifying.addAll(List.of(client, individual, young, couple, firstSession, toRepair, therapist.id()));
        return new Journal(individual, couple);
    }

    private void approveTags(String... tags) {
        Map<String, Object> settings = new HashMap<>(admin.request().get("/api/v1/organization/settings").then().statusCode(200)
                .extract().jsonPath().getMap(""));
        settings.remove("version");
        settings.put("researchTags", List.of(tags));
        admin.request().header("If-Match", admin.etag("/api/v1/organization/settings")).body(settings)
                .put("/api/v1/organization/settings").then().statusCode(200).body("researchTags", equalTo(List.of(tags)));
    }

    private String startAndWait(Practitioner caller, String from, String to) throws InterruptedException {
        var started = caller.request().body(Map.of("from", from, "to", to)).post("/api/v1/research-exports").then()
                .statusCode(202).body("status", equalTo("QUEUED")).extract();
        String id = started.path("id");
        assertEquals("/api/v1/research-exports/" + id, java.net.URI.create(started.header("Location")).getPath());
        for (int i = 0; i < 300; i++) {
            String status = caller.request().get("/api/v1/research-exports/{id}", id).then().statusCode(200)
                    .extract().path("status");
            if (status.equals("DONE")) {
                return id;
            }
            assertFalse(status.equals("FAILED"), "the export failed");
            Thread.sleep(100);
        }
        throw new AssertionError("the export did not finish in 30 s");
    }

    private static Map<String, String> download(Practitioner caller, String id) throws IOException {
        byte[] bytes = caller.request().accept("application/zip").get("/api/v1/research-exports/{id}/data", id).then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** An export row of the researcher's organization in a given state, as the worker would leave it. */
    private String insert(Practitioner researcher, String status, String runningUntil, String expiresAt) throws Exception {
        UUID id = UUID.randomUUID();
        String practitioner = researcher.id();
        try (Connection db = database.getConnection(); PreparedStatement insert = db.prepareStatement(
                "insert into research_export (id, organization_id, requested_by, from_day, to_day, ended_only, status,"
                        + " running_until, expires_at) select ?, organization_id, id, date '2026-01-01', date '2026-02-01', false,"
                        + " ?, " + (runningUntil == null ? "null" : runningUntil) + ", " + (expiresAt == null ? "null" : expiresAt)
                        + " from practitioner where id = ?")) {
            insert.setObject(1, id);
            insert.setString(2, status);
            insert.setObject(3, UUID.fromString(practitioner));
            assertEquals(1, insert.executeUpdate());
        }
        return id.toString();
    }

    private UUID organizationOf(String export) throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement select = db.prepareStatement(
                "select organization_id from research_export where id = ?")) {
            select.setObject(1, UUID.fromString(export));
            try (var row = select.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        }
    }

    private static List<CSVRecord> csv(Map<String, String> zip, String file) {
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(zip.get(file))).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> column(List<CSVRecord> rows, String column) {
        return rows.stream().map(r -> r.get(column)).collect(Collectors.toCollection(HashSet::new));
    }

    private static double round(long part, long whole) {
        return Math.round(1000.0 * part / whole) / 1000.0;
    }
}
