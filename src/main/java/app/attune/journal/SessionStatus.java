package app.attune.journal;

import app.attune.api.Coded;

public enum SessionStatus implements Coded {
    DRAFT("Draft"),
    SIGNED("Signed (locked; corrections are addenda)");

    private final String label;

    SessionStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
