package app.attune.rupture;

import app.attune.vocabulary.Coded;

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
