package app.attune.journal;

import app.attune.api.Coded;

/** 3RS rupture type: how the client moves in relation to the therapist or the work. */
public enum RuptureType implements Coded {
    WITHDRAWAL("Withdrawal (moving away from the therapist or the work)"),
    CONFRONTATION("Confrontation (moving against the therapist or the work)"),
    MIXED("Mixed withdrawal and confrontation");

    private final String label;

    RuptureType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
