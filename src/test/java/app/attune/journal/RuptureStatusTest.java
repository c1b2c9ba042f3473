package app.attune.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A rupture's status follows from its repairs' outcomes and its alliance, without HTTP. */
class RuptureStatusTest {

    @Test
    void anyResolvingRepairResolvesItEvenAfterTheAllianceClosed() {
        assertEquals(RuptureStatus.RESOLVED, RuptureStatus.from(List.of(RepairOutcome.UNRESOLVED, RepairOutcome.RESOLVED), false));
        assertEquals(RuptureStatus.RESOLVED, RuptureStatus.from(List.of(RepairOutcome.RESOLVED), true));
    }

    @Test
    void aClosedAllianceLeavesAnUnresolvedRuptureUnresolvedAtClose() {
        assertEquals(RuptureStatus.UNRESOLVED_AT_CLOSE, RuptureStatus.from(List.of(), true));
        assertEquals(RuptureStatus.UNRESOLVED_AT_CLOSE, RuptureStatus.from(List.of(RepairOutcome.PARTIALLY_RESOLVED), true));
    }

    @Test
    void otherwiseItIsPartiallyResolvedOrOpen() {
        assertEquals(RuptureStatus.PARTIALLY_RESOLVED,
                RuptureStatus.from(List.of(RepairOutcome.UNRESOLVED, RepairOutcome.PARTIALLY_RESOLVED), false));
        assertEquals(RuptureStatus.OPEN, RuptureStatus.from(List.of(RepairOutcome.UNRESOLVED), false));
        assertEquals(RuptureStatus.OPEN, RuptureStatus.from(List.of(), false));
    }
}
