package app.attune.rupture;

import app.attune.vocabulary.Coded;

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
