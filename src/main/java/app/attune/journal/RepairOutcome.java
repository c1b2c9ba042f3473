package app.attune.journal;

import app.attune.api.Coded;

/** What a repair achieved. */
public enum RepairOutcome implements Coded {
    RESOLVED("Resolved"),
    PARTIALLY_RESOLVED("Partially resolved"),
    UNRESOLVED("Unresolved");

    private final String label;

    RepairOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
