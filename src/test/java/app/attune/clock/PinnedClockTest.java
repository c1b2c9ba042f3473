package app.attune.clock;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every service reads the time from the one injected clock: pinned, the service lives at that moment. */
@QuarkusTest
@TestProfile(PinnedClockTest.Pinned.class)
class PinnedClockTest {

    static final Instant PINNED = Instant.parse("2020-03-04T05:06:07.123456Z");

    public static class Pinned implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(PinnedClock.class);
        }
    }

    @Alternative
    @Singleton
    public static class PinnedClock {
        @Produces
        @Singleton
        Clock clock() {
            return Clock.fixed(PINNED, ZoneOffset.UTC);
        }
    }

    private final Practitioner therapist = Practitioner.therapist();

    @Test
    void theServiceReadsTheTimeFromTheInjectedClock() {
        // A birth year after the clock's year is refused; 2024 is past on the machine's own clock.
        therapist.request().body(Map.of("birthYear", 2024)).post("/api/v1/clients").then().statusCode(400);
        therapist.request().body(Map.of("birthYear", 2020)).post("/api/v1/clients").then().statusCode(201);

        String alliance = therapist.createAlliance(therapist.createClient(), "2019-06-01");
        String session = therapist.createSession(alliance, "2020-03-02");
        therapist.request().header("If-Match", therapist.etag("/api/v1/sessions/{id}", session))
                .post("/api/v1/sessions/{id}/sign", session).then().statusCode(200)
                .body("signedAt", equalTo("2020-03-04T05:06:07.123456Z"));
        therapist.firstAdmin().request().get("/api/v1/audit-events").then().statusCode(200)
                .body("items.occurredAt", everyItem(equalTo("2020-03-04T05:06:07.123456Z")));
    }
}
