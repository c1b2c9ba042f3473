package app.attune.journal;

import app.attune.api.Coded;

/** Where a rupture stands; derived from its repairs and its alliance, never set by a caller. */
public enum RuptureStatus implements Coded {
    OPEN("Open"),
    PARTIALLY_RESOLVED("Partially resolved"),
    RESOLVED("Resolved"),
    UNRESOLVED_AT_CLOSE("Unresolved when the alliance closed");

    private final String label;

    RuptureStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * The status that follows from a rupture's repair outcomes: resolved once any repair resolved
     * it; otherwise unresolved at close when its alliance is closed; otherwise partially resolved
     * or open.
     */
    public static RuptureStatus from(java.util.Collection<RepairOutcome> outcomes, boolean allianceClosed) {
        if (outcomes.contains(RepairOutcome.RESOLVED)) {
            return RESOLVED;
        }
        if (allianceClosed) {
            return UNRESOLVED_AT_CLOSE;
        }
        return outcomes.contains(RepairOutcome.PARTIALLY_RESOLVED) ? PARTIALLY_RESOLVED : OPEN;
    }
}
