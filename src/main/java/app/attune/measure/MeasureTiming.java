package app.attune.measure;

import app.attune.vocabulary.Coded;

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
