package app.attune.report;

import static app.attune.support.Journal.ors;
import static app.attune.support.Journal.repair;
import static app.attune.support.Journal.repairOf;
import static app.attune.support.Journal.rupture;
import static app.attune.support.Journal.session;
import static app.attune.support.Journal.srs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The report as CSV (parsed back as RFC 4180) and as an SVG chart (parsed as XML). */
@QuarkusTest
class ReportFormatsTest {

    private final Practitioner therapist = Practitioner.therapist();

    @Test
    void theCsvHasOneRowPerSession() throws Exception {
        String alliance = scenario();
        String csv = therapist.request().accept("text/csv").get("/api/v1/alliances/{id}/report", alliance)
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertTrue(csv.contains("\r\n"), "RFC 4180 lines end with CRLF");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            assertEquals(List.of(ReportCsv.SESSION_COLUMNS), parser.getHeaderNames());
            List<CSVRecord> rows = parser.getRecords();
            assertEquals(3, rows.size());
            assertEquals("1", rows.get(0).get("number"));
            assertEquals("2026-09-03T15:00Z", rows.get(0).get("occurredAt"));
            assertEquals("34.0", rows.get(0).get("srsTotal"));
            assertEquals("20.0", rows.get(0).get("orsTotal"));
            assertEquals("1", rows.get(0).get("confrontation"));
            assertEquals("SRS_BELOW_CUTOFF;SRS_ITEM_LOW;ORS_BELOW_CUTOFF", rows.get(0).get("flags"));
            assertEquals("", rows.get(1).get("srsTotal"));
            assertEquals("CLIENT_NO_SHOW", rows.get(1).get("attendance"));
            assertEquals("2", rows.get(2).get("repairs"));
        }
    }

    @Test
    void theChartIsWellFormedSvgWithCutoffScoresRupturesAndRepairs() throws Exception {
        String alliance = scenario();
        byte[] svg = therapist.request().accept("image/svg+xml").get("/api/v1/alliances/{id}/report", alliance)
                .then().statusCode(200).contentType("image/svg+xml").extract().asByteArray();
        // Kept in target/ so that a person can look at it after a build.
        java.nio.file.Files.write(java.nio.file.Path.of("target", "report-chart.svg"), svg);
        Document chart = parse(svg);
        assertEquals("svg", chart.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", chart.getDocumentElement().getNamespaceURI());
        assertEquals(1, count(chart, "//*[local-name()='line' and @class='cutoff']"));
        assertEquals(1, count(chart, "//*[local-name()='polyline' and @class='srs']"));
        assertEquals(2, count(chart, "//*[local-name()='circle' and @class='srs-point']"));
        assertEquals(2, count(chart, "//*[local-name()='circle' and starts-with(@class, 'rupture')]"));
        assertEquals(1, count(chart, "//*[local-name()='circle' and @class='rupture confrontation' and @stroke='"
                + AllianceChart.CONFRONTATION + "']"));
        assertEquals(1, count(chart, "//*[local-name()='circle' and @class='rupture withdrawal']"));
        assertEquals(2, count(chart, "//*[local-name()='path' and @class='repair']"));
        assertFalse(new String(svg, StandardCharsets.UTF_8).contains("NaN"));
    }

    @Test
    void anEmptyAlliancesChartSaysSo() throws Exception {
        String alliance = therapist.createAlliance();
        byte[] svg = therapist.request().accept("image/svg+xml").get("/api/v1/alliances/{id}/report", alliance)
                .then().statusCode(200).extract().asByteArray();
        Document chart = parse(svg);
        assertEquals(0, count(chart, "//*[local-name()='polyline']"));
        assertTrue(new String(svg, StandardCharsets.UTF_8).contains("No sessions recorded"));
        String csv = therapist.request().accept("text/csv").get("/api/v1/alliances/{id}/report", alliance)
                .then().statusCode(200).extract().asString();
        assertEquals(String.join(",", ReportCsv.SESSION_COLUMNS) + "\r\n", csv);
    }

    @Test
    void theCaseloadIsAlsoCsv() throws Exception {
        String alliance = scenario();
        String csv = therapist.request().accept("text/csv").get("/api/v1/reports/caseload")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            List<CSVRecord> rows = parser.getRecords();
            assertEquals(1, rows.size());
            assertEquals(alliance, rows.get(0).get("allianceId"));
            assertEquals("2", rows.get(0).get("ruptures"));
            assertEquals("0.500", rows.get(0).get("resolutionRate"));
        }
    }

    /** Three sessions: a confrontation resolved two sessions later, a withdrawal resolved in its session. */
    private String scenario() {
        String alliance = therapist.createAlliance(therapist.createClient(), "2026-09-01");
        String confrontation = therapist.postSession(alliance, session("2026-09-03").measures(srs(8.5), ors(5))
                .ruptures(rupture("CONFRONTATION", 4, List.of("missed-session")))).statusCode(201)
                .extract().path("ruptures[0].id");
        therapist.postSession(alliance, session("2026-09-10").attendance("CLIENT_NO_SHOW")).statusCode(201);
        therapist.postSession(alliance, session("2026-09-17").measures(srs(9.5))
                .ruptures(rupture("WITHDRAWAL", 2, List.of(), repair("CLARIFY_MISUNDERSTANDING", "PARTIALLY_RESOLVED")))
                .repairs(repairOf(confrontation, "ACKNOWLEDGE_OWN_CONTRIBUTION", "RESOLVED"))).statusCode(201);
        return alliance;
    }

    private static Document parse(byte[] svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }

    private static int count(Document document, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET)).getLength();
    }
}
