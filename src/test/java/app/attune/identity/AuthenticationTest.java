package app.attune.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import app.attune.support.DevToken;
import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every request needs a valid RS256 bearer token carrying its practitioner and organization. */
@QuarkusTest
class AuthenticationTest {

    private static final String PATH = "/api/v1/clients";

    @Test
    void noTokenIs401() {
        unauthenticated(given().get(PATH).then());
        unauthenticated(given().contentType("application/json").body("{}").post(PATH).then());
    }

    @Test
    void badTokensAre401() throws NoSuchAlgorithmException {
        DevToken valid = therapistToken();
        unauthenticated(given().auth().oauth2(valid.expiresAt(Instant.now().minusSeconds(600)).sign()).get(PATH).then());
        unauthenticated(given().auth().oauth2(therapistToken().claim("iss", "https://evil.example").sign()).get(PATH).then());
        // Minted by the same issuer for another application, or for none.
        unauthenticated(given().auth().oauth2(therapistToken().claim("aud", "another-app").sign()).get(PATH).then());
        unauthenticated(given().auth().oauth2(therapistToken().claim("aud", null).sign()).get(PATH).then());
        var otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        unauthenticated(given().auth().oauth2(therapistToken().sign(otherKey)).get(PATH).then());
        unauthenticated(given().auth().oauth2(therapistToken().unsigned()).get(PATH).then());
        unauthenticated(given().header("Authorization", "Bearer not.a.token").get(PATH).then());
    }

    @Test
    void aTokenInTheUrlIsRefusedEvenBesideAValidHeader() {
        String token = therapistToken().sign();
        unauthenticated(given().queryParam("access_token", token).get(PATH).then());
        unauthenticated(given().header("Authorization", "Bearer " + token).queryParam("access_token", token).get(PATH).then());
    }

    @Test
    void aTokenWithoutOrganizationOrSubjectIs401() {
        unauthenticated(given().auth().oauth2(therapistToken().claim("org", null).sign()).get(PATH).then());
        unauthenticated(given().auth().oauth2(therapistToken().claim("org", " ").sign()).get(PATH).then());
    }

    @Test
    void aRoleWithoutAccessToTheJournalIs403() {
        Practitioner admin = Practitioner.therapist().colleague("admin");
        admin.request().get(PATH).then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        admin.request().body("{}").post(PATH).then().statusCode(403);
        // The vocabulary is open to every signed-in role.
        admin.request().get("/api/v1/vocabulary").then().statusCode(200);
    }

    @Test
    void aTherapistSeenForTheFirstTimeIsRegisteredOnce() {
        Practitioner therapist = Practitioner.therapist();
        String first = therapist.request().get("/api/v1/alliances/{id}", therapist.createAlliance()).then()
                .extract().path("therapistId");
        String second = therapist.request().get("/api/v1/alliances/{id}", therapist.createAlliance()).then()
                .extract().path("therapistId");
        org.junit.jupiter.api.Assertions.assertEquals(first, second);
    }

    private static DevToken therapistToken() {
        return DevToken.forSubject("t-" + UUID.randomUUID()).org("org-" + UUID.randomUUID()).groups("therapist");
    }

    private static void unauthenticated(ValidatableResponse response) {
        response.statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }
}
