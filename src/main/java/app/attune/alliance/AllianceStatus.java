package app.attune.alliance;

import app.attune.api.Coded;

public enum AllianceStatus implements Coded {
    ACTIVE("Active"),
    ON_HOLD("On hold"),
    CLOSED_PLANNED("Closed as planned"),
    CLOSED_UNPLANNED("Closed unplanned (dropout)");

    private final String label;

    AllianceStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean isClosed() {
        return this == CLOSED_PLANNED || this == CLOSED_UNPLANNED;
    }
}
