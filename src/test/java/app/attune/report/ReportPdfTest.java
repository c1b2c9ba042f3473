package app.attune.report;

import static app.attune.support.Journal.rupture;
import static app.attune.support.Journal.session;
import static app.attune.support.Journal.srs;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report as a PDF for the supervision file, read back with PDFBox: the seed's story (the
 * missed Sunday session, owned and repaired at the next one), its figures and its rupture's
 * markers, tags and repair; the notes only when asked and only for the alliance's clinicians.
 */
@QuarkusTest
class ReportPdfTest {

    /** With what the embedded font cannot show (an emoji, a tab) and a word longer than a line. */
    private static final String NOTE = "The client said she felt forgotten when I did not come \uD83D\uDE42.\tWe named it.\n"
            + "x".repeat(400);
    private static final String PRIVATE = "Countertransference: I was relieved the session fell through.";

    private final Practitioner therapist = Practitioner.therapist();
    private final Practitioner admin = therapist.firstAdmin();
    private final Practitioner supervisor = therapist.colleague("supervisor");
    private String alliance;

    @BeforeEach
    void theSeedStory() {
        String id = therapist.id();
        admin.request().header("If-Match", admin.etag("/api/v1/practitioners/{id}", id))
                .body(Map.of("supervisorId", supervisor.id())).patch("/api/v1/practitioners/{id}", id).then().statusCode(200);
        alliance = therapist.createAlliance();
        therapist.postSession(alliance, session("2026-09-20").measures(srs(9))).statusCode(201);
        Map<String, Object> missed = rupture("CONFRONTATION", 4, List.of("missed-session"));
        missed.put("markers", List.of("COMPLAINT_ABOUT_PARAMETERS"));
        missed.put("reportedBy", "CLIENT");
        String rupture = therapist.postSession(alliance, session("2026-09-27").attendance("THERAPIST_NO_SHOW")
                .ruptures(missed)).statusCode(201).extract().path("ruptures[0].id");
        therapist.postSession(alliance, session("2026-10-04").measures(srs(9.5)).with("note", NOTE).with("privateNote", PRIVATE)
                .repairs(Map.of("ruptureId", rupture, "strategies", List.of("ACKNOWLEDGE_OWN_CONTRIBUTION",
                        "INVITE_DISCUSSION_OF_RUPTURE"), "outcome", "RESOLVED"))).statusCode(201);
    }

    @Test
    void theReportReadsBackWithItsFiguresAndMarkersAndNoNotes() throws IOException {
        byte[] pdf = pdf(therapist, Map.of());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            for (String expected : List.of("Alliance report", "Not at risk.", "Sessions attended: 2", "Ruptures: 1",
                    "confrontation 1", "resolved 1", "resolution rate 1.000", "COMPLAINT_ABOUT_PARAMETERS", "missed-session",
                    "CONFRONTATION, RESOLVED", "Reported by CLIENT", "ACKNOWLEDGE_OWN_CONTRIBUTION, INVITE_DISCUSSION_OF_RUPTURE",
                    "THERAPIST_NO_SHOW", "2026-09-27", "progress notes not included", "SRS gain 2.0")) {
                assertTrue(text.contains(expected), () -> "missing \"" + expected + "\" in:\n" + text);
            }
            assertFalse(text.contains("felt forgotten"), "a progress note without includeNotes");
            assertFalse(text.contains("Countertransference"), "a private note");

            // Tagged, with its language and title, the font embedded, the chart a figure with alternative text.
            assertTrue(document.getDocumentCatalog().getMarkInfo().isMarked());
            assertEquals("en", document.getDocumentCatalog().getLanguage());
            assertTrue(document.getDocumentInformation().getTitle().startsWith("Alliance report "));
            assertTrue(document.getDocumentCatalog().getViewerPreferences().displayDocTitle());
            List<PDStructureElement> elements = new ArrayList<>();
            collect(document.getDocumentCatalog().getStructureTreeRoot().getKids(), elements);
            List<String> types = elements.stream().map(PDStructureElement::getStructureType).toList();
            assertTrue(types.containsAll(List.of("Document", "H1", "H2", "H3", "P", "Table", "TR", "TH", "TD", "Figure")),
                    types::toString);
            String alternative = elements.stream().filter(e -> e.getStructureType().equals("Figure")).findFirst()
                    .orElseThrow().getAlternateDescription();
            assertTrue(alternative.contains("session 1: 36.0") && alternative.contains("ruptures at sessions 2"), alternative);
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font instanceof PDType0Font && font.isEmbedded(), font.getName());
                }
            }

            // Once, for a look: the first page as an image in target/.
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 110);
            File png = new File("target/report-pdf/alliance-report-page-1.png");
            png.getParentFile().mkdirs();
            ImageIO.write(image, "png", png);
            assertTrue(png.length() > 0);
        }
    }

    @Test
    void notesOnlyWhenAskedAndOnlyForTheAlliancesClinicians() throws IOException {
        for (Practitioner clinician : List.of(therapist, supervisor)) {
            try (PDDocument document = Loader.loadPDF(pdf(clinician, Map.of("includeNotes", "true")))) {
                String text = new PDFTextStripper().getText(document);
                assertTrue(text.contains("Progress notes") && text.contains("felt forgotten"), text);
                assertFalse(text.contains("Countertransference"), "a private note");
            }
        }
        admin.request().queryParam("actor", therapist.id()).queryParam("action", "EXPORT").get("/api/v1/audit-events")
                .then().statusCode(200).body("items.resourceType", hasItem("SESSION_NOTES"));

        Practitioner integration = therapist.colleague("integration");
        integration.request().accept("application/pdf").queryParam("includeNotes", "true")
                .get("/api/v1/alliances/{id}/report", alliance).then().statusCode(403).contentType("application/problem+json");
        assertNotNull(pdf(integration, Map.of()));
        therapist.colleague("supervisor").request().accept("application/pdf").queryParam("includeNotes", "true")
                .get("/api/v1/alliances/{id}/report", alliance).then().statusCode(404).contentType("application/problem+json");
        therapist.request().accept("application/pdf").queryParam("includeNotes", "yes")
                .get("/api/v1/alliances/{id}/report", alliance).then().statusCode(400).contentType("application/problem+json");
    }

    private byte[] pdf(Practitioner caller, Map<String, ?> query) {
        return caller.request().accept("application/pdf").queryParams(query).get("/api/v1/alliances/{id}/report", alliance)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
    }

    private static void collect(List<Object> kids, List<PDStructureElement> into) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement element) {
                into.add(element);
                collect(element.getKids(), into);
            } else if (kid instanceof PDStructureNode node) {
                collect(node.getKids(), into);
            }
        }
    }
}
