package app.attune.journal;

import app.attune.api.Coded;

/** Who began a repair. */
public enum Initiator implements Coded {
    THERAPIST("Therapist"),
    CLIENT("Client");

    private final String label;

    Initiator(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
