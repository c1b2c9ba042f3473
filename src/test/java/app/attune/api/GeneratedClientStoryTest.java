package app.attune.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Practitioner;
import generated.attune.ApiClient;
import generated.attune.api.AlliancesApi;
import generated.attune.api.ChangesApi;
import generated.attune.api.ClientsApi;
import generated.attune.api.ReportsApi;
import generated.attune.api.RupturesAndRepairsApi;
import generated.attune.api.SessionsApi;
import generated.attune.model.Alliance;
import generated.attune.model.AllianceReport;
import generated.attune.model.Attendance;
import generated.attune.model.ChangePage;
import generated.attune.model.Client;
import generated.attune.model.Instrument;
import generated.attune.model.MeasureTiming;
import generated.attune.model.NewAlliance;
import generated.attune.model.NewClient;
import generated.attune.model.NewMeasure;
import generated.attune.model.NewRepair;
import generated.attune.model.NewRupture;
import generated.attune.model.NewSession;
import generated.attune.model.RepairOutcome;
import generated.attune.model.RepairStrategy;
import generated.attune.model.Rupture;
import generated.attune.model.RuptureMarker;
import generated.attune.model.RuptureStatus;
import generated.attune.model.RuptureType;
import generated.attune.model.Session;
import generated.attune.model.SessionPage;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The seed story told by a client generated from the committed document (openapi-generator, Java
 * native library, at generate-test-sources), as an EHR integrator would: no hand-written JSON and
 * no casts. A document that misdescribes an answer makes the generated client fail to read it. An
 * optional enumeration of a request is nullable, so the generator gives it a type of its own
 * (NewSession.ModeEnum): OpenAPI 3.0 has no other exact way to say "one of these, or null".
 */
@QuarkusTest
class GeneratedClientStoryTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void theMissedSessionStoryThroughAGeneratedClient() throws Exception {
        Practitioner therapist = Practitioner.therapist();
        ApiClient api = new ApiClient();
        api.updateBaseUri(root.toString().replaceAll("/$", ""));
        api.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + therapist.token()));

        Client client = new ClientsApi(api).registerClient(new NewClient().externalId("EHR-PT-" + UUID.randomUUID())
                .displayLabel("Client R."), null, null);
        Alliance alliance = new AlliancesApi(api).openAlliance(new NewAlliance().clientId(client.getId())
                .startedOn(LocalDate.parse("2026-09-01")), null, null);
        SessionsApi sessions = new SessionsApi(api);

        sessions.recordSession(alliance.getId(), attended("2026-09-25T15:00:00Z", 38), null, null);
        Session missed = sessions.recordSession(alliance.getId(), new NewSession()
                .occurredAt(OffsetDateTime.parse("2026-10-02T15:00:00Z")).mode(NewSession.ModeEnum.IN_PERSON)
                .attendance(Attendance.THERAPIST_NO_SHOW)
                .ruptures(List.of(new NewRupture().type(RuptureType.CONFRONTATION)
                        .markers(List.of(RuptureMarker.COMPLAINT_ABOUT_PARAMETERS)).tags(List.of("missed-session"))
                        .significance(4).therapistContribution(5).reportedBy(NewRupture.ReportedByEnum.CLIENT))), null, null);
        Rupture rupture = missed.getRuptures().get(0);
        assertEquals(RuptureStatus.OPEN, rupture.getStatus());
        assertNull(missed.getDurationMinutes());

        Session next = sessions.recordSession(alliance.getId(), attended("2026-10-09T15:00:00Z", 39), null, null);
        RupturesAndRepairsApi ruptures = new RupturesAndRepairsApi(api);
        ruptures.recordRepair(rupture.getId(), new NewRepair().sessionId(next.getId())
                .strategies(List.of(RepairStrategy.ACKNOWLEDGE_OWN_CONTRIBUTION, RepairStrategy.INVITE_DISCUSSION_OF_RUPTURE))
                .outcome(RepairOutcome.RESOLVED)
                .resolutionRating(4), null, null);

        Rupture repaired = ruptures.getRupture(rupture.getId(), null);
        assertEquals(RuptureStatus.RESOLVED, repaired.getStatus());
        assertEquals(List.of(RuptureMarker.COMPLAINT_ABOUT_PARAMETERS), repaired.getMarkers());
        assertEquals(5, repaired.getTherapistContribution());

        AllianceReport report = new ReportsApi(api).getAllianceReport(alliance.getId(), null, false, null, null);
        assertEquals(3, report.getSessions().size());
        assertEquals(1L, report.getSummary().getResolved());
        assertEquals(0, BigDecimal.ONE.compareTo(report.getSummary().getResolutionRate()));
        assertEquals(Map.of("missed-session", 1L), report.getSummary().getTagCounts());
        assertEquals(0, new BigDecimal("39").compareTo(report.getSessions().get(2).getSrsTotal()));
        assertNull(report.getSummary().getOldestOpenRuptureDays());

        SessionPage page = sessions.listAllianceSessions(alliance.getId(), 0, 2, null);
        assertEquals(3L, page.getTotalItems());
        assertEquals(2, page.getItems().size());
        assertEquals(2, page.getTotalPages());

        ChangePage changes = new ChangesApi(api).listChanges(100, "0", null);
        assertFalse(changes.getChanges().isEmpty());
        assertTrue(changes.getChanges().stream().anyMatch(c -> rupture.getId().equals(c.getResourceId())));
        assertFalse(changes.getMore());
    }

    private static NewSession attended(String at, int srsTotal) {
        int overall = srsTotal - 30;
        return new NewSession().occurredAt(OffsetDateTime.parse(at)).durationMinutes(50).mode(NewSession.ModeEnum.IN_PERSON)
                .attendance(Attendance.ATTENDED)
                .measures(List.of(new NewMeasure().instrument(Instrument.SRS).respondent(NewMeasure.RespondentEnum.CLIENT)
                        .timing(MeasureTiming.POST_SESSION).items(Map.of("RELATIONSHIP", BigDecimal.TEN,
                                "GOALS_AND_TOPICS", BigDecimal.TEN, "APPROACH", BigDecimal.TEN,
                                "OVERALL", BigDecimal.valueOf(overall)))));
    }
}
