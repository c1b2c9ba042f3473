package app.attune.journal;

import app.attune.api.Coded;

public enum MeasureTiming implements Coded {
    PRE_SESSION("Before the session"),
    POST_SESSION("After the session");

    private final String label;

    MeasureTiming(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
