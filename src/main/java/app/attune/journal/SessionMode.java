package app.attune.journal;

import app.attune.api.Coded;

public enum SessionMode implements Coded {
    IN_PERSON("In person"),
    VIDEO("Video"),
    PHONE("Phone");

    private final String label;

    SessionMode(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
