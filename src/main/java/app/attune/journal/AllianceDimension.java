package app.attune.journal;

import app.attune.api.Coded;

/** The Bordin alliance dimension a rupture concerns. */
public enum AllianceDimension implements Coded {
    BOND("Bond"),
    TASK("Task"),
    GOAL("Goal");

    private final String label;

    AllianceDimension(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
