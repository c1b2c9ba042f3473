package app.attune.journal;

import app.attune.api.ApiProblem;
import app.attune.api.Coded;

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

    /** Only an attended session took place: it alone can hold measures and repairs made in it. */
    public boolean tookPlace() {
        return this == ATTENDED;
    }

    /** 409 for measures or repairs in a session that did not take place. */
    public void requireTookPlace(String what) {
        if (!tookPlace()) {
            throw ApiProblem.conflict("A session that did not take place (" + name() + ") holds no " + what
                    + "; it can hold the ruptures it caused");
        }
    }
}
