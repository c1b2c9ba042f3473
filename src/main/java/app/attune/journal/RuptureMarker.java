package app.attune.journal;

import app.attune.api.Coded;

/** 3RS rupture markers (Eubanks, Muran and Safran 2015): W1–W7 withdrawal, C1–C7 confrontation. */
public enum RuptureMarker implements Coded {
    DENIAL(RuptureType.WITHDRAWAL, "W1", "Denial"),
    MINIMAL_RESPONSE(RuptureType.WITHDRAWAL, "W2", "Minimal response"),
    ABSTRACT_COMMUNICATION(RuptureType.WITHDRAWAL, "W3", "Abstract communication"),
    AVOIDANT_STORYTELLING_OR_TOPIC_SHIFT(RuptureType.WITHDRAWAL, "W4", "Avoidant storytelling and/or shifting topic"),
    DEFERENTIAL_OR_APPEASING(RuptureType.WITHDRAWAL, "W5", "Deferential and appeasing"),
    CONTENT_AFFECT_SPLIT(RuptureType.WITHDRAWAL, "W6", "Content/affect split"),
    SELF_CRITICISM_OR_HOPELESSNESS(RuptureType.WITHDRAWAL, "W7", "Self-criticism and/or hopelessness"),
    COMPLAINT_ABOUT_THERAPIST(RuptureType.CONFRONTATION, "C1", "Complaints/concerns about the therapist"),
    REJECTS_INTERVENTION(RuptureType.CONFRONTATION, "C2", "Patient rejects therapist intervention"),
    COMPLAINT_ABOUT_ACTIVITIES(RuptureType.CONFRONTATION, "C3", "Complaints/concerns about the activities of therapy"),
    COMPLAINT_ABOUT_PARAMETERS(RuptureType.CONFRONTATION, "C4", "Complaints/concerns about the parameters of therapy"),
    COMPLAINT_ABOUT_PROGRESS(RuptureType.CONFRONTATION, "C5", "Complaints/concerns about progress in therapy"),
    DEFENDS_SELF_AGAINST_THERAPIST(RuptureType.CONFRONTATION, "C6", "Patient defends self against therapist"),
    CONTROLS_OR_PRESSURES_THERAPIST(RuptureType.CONFRONTATION, "C7", "Efforts to control and/or pressure the therapist");

    private final RuptureType kind;
    private final String reference;
    private final String label;

    RuptureMarker(RuptureType kind, String reference, String label) {
        this.kind = kind;
        this.reference = reference;
        this.label = label;
    }

    /** WITHDRAWAL or CONFRONTATION: the rupture types this marker belongs to. */
    public RuptureType kind() {
        return kind;
    }

    /** Whether the marker may tag a rupture of the given type (MIXED takes either kind). */
    public boolean fits(RuptureType type) {
        return type == RuptureType.MIXED || type == kind;
    }

    @Override
    public String reference() {
        return "3RS " + reference;
    }

    @Override
    public String label() {
        return label;
    }
}
