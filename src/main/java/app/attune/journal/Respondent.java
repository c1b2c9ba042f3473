package app.attune.journal;

import app.attune.api.Coded;

public enum Respondent implements Coded {
    CLIENT("Client"),
    THERAPIST("Therapist"),
    OBSERVER("Observer");

    private final String label;

    Respondent(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
