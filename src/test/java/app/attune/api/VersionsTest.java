package app.attune.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** If-Match parsing and the version check, without HTTP. */
class VersionsTest {

    @Test
    void readsStrongWeakAndAnyTags() {
        assertEquals(3, Versions.expected("\"3\""));
        assertEquals(3, Versions.expected(" W/\"3\" "));
        assertEquals(12, Versions.expected("12"));
        assertEquals(Versions.ANY, Versions.expected("*"));
    }

    @Test
    void aMissingTagIs428AndOneThatCannotBeAVersionIs412() {
        assertEquals(428, status(null));
        assertEquals(428, status("  "));
        assertEquals(412, status("\"abc\""));
        assertEquals(412, status("\"1\", \"2\""));
    }

    @Test
    void onlyTheCurrentVersionOrAnyPasses() {
        assertDoesNotThrow(() -> Versions.check(4, 4));
        assertDoesNotThrow(() -> Versions.check(Versions.ANY, 4));
        assertEquals(412, assertThrows(ApiProblem.class, () -> Versions.check(3, 4)).problem().status());
    }

    private static int status(String ifMatch) {
        return assertThrows(ApiProblem.class, () -> Versions.expected(ifMatch)).problem().status();
    }
}
