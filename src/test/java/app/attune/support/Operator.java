package app.attune.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;

/** The service's operator in the tests: provisions each test's organization through the operator API. */
public final class Operator {

    private Operator() {
    }

    /** A request of an operator of its own (its own rate-limit bucket: every test provisions through it). */
    public static RequestSpecification request() {
        String token = DevToken.forSubject("operator-" + UUID.randomUUID()).groups("operator").sign();
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Keys of organizations to provision before their first request. */
    private static final Set<String> NEW = ConcurrentHashMap.newKeySet();

    /** A new organization's key, provisioned at its first request; its first admin is {@link #firstAdmin}. */
    public static String newOrganization() {
        String key = "org-" + UUID.randomUUID();
        NEW.add(key);
        return key;
    }

    static void provisionIfNew(String key) {
        if (NEW.contains(key)) {
            synchronized (NEW) {
                if (NEW.contains(key)) {
                    request().body(Map.of("key", key, "displayName", "Test practice", "firstAdminSubject", adminOf(key)))
                            .post("/api/v1/operator/organizations").then().statusCode(201);
                    NEW.remove(key);
                }
            }
        }
    }

    public static Practitioner firstAdmin(String org) {
        return Practitioner.of(adminOf(org), org, "admin");
    }

    private static String adminOf(String org) {
        return "first-admin-of-" + org;
    }
}
