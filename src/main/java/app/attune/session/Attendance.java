package app.attune.session;

import app.attune.vocabulary.Coded;

public enum Attendance implements Coded {
    ATTENDED("Attended"),
    CLIENT_CANCELLED("Cancelled by the client"),
    CLIENT_NO_SHOW("Client did not attend"),
    THERAPIST_CANCELLED("Cancelled by the therapist"),
    THERAPIST_NO_SHOW("Therapist did not attend");

    private final String label;

    Attendance(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
