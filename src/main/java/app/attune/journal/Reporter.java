package app.attune.journal;

import app.attune.api.Coded;

/** Who reported a rupture. */
public enum Reporter implements Coded {
    THERAPIST("Therapist"),
    CLIENT("Client"),
    OBSERVER("Observer"),
    SUPERVISOR("Supervisor");

    private final String label;

    Reporter(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
