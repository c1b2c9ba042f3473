package app.attune.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterTest {

    @Test
    void aFilterLeftOutAddsNeitherClauseNorParameter() {
        Filter filter = Filter.where("a.organizationId = :org", "org", "o1")
                .andIf("a.status = :status", "status", null)
                .andIf("a.clientId = :client", "client", "c1");
        assertEquals("a.organizationId = :org and a.clientId = :client", filter.clause());
        assertEquals(Map.of("org", "o1", "client", "c1"), filter.parameters());
    }

    @Test
    void aScopeKeepsItsOwnParametersBesideTheFilters() {
        Filter filter = Filter.where("a.organizationId = :scopeOrg and (a.therapistId = :scopeMe)",
                        Map.of("scopeOrg", "o1", "scopeMe", "p1"))
                .and("a.status in :statuses", "statuses", "ACTIVE");
        assertEquals("a.organizationId = :scopeOrg and (a.therapistId = :scopeMe) and a.status in :statuses",
                filter.clause());
        assertEquals(Map.of("scopeOrg", "o1", "scopeMe", "p1", "statuses", "ACTIVE"), filter.parameters());
    }
}
