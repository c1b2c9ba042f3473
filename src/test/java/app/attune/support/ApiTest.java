package app.attune.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Marks the suite's use of the throwaway database; the resource is global, so every
 * {@code @QuarkusTest} runs against it.
 */
@QuarkusTestResource(TestDatabase.class)
public final class ApiTest {

    private ApiTest() {
    }
}
