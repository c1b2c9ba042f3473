package app.attune.journal;

import app.attune.api.Coded;

/** 3RS resolution strategies, immediate (direct) or exploratory (expressive); OTHER needs a description. */
public enum RepairStrategy implements Coded {
    CLARIFY_MISUNDERSTANDING("immediate", "Clarify a misunderstanding"),
    CHANGE_TASKS_OR_GOALS("immediate", "Change tasks or goals"),
    PROVIDE_RATIONALE("immediate", "Illustrate tasks or provide a rationale"),
    REDIRECT_OR_REFOCUS("immediate", "Redirect or refocus the client"),
    INVITE_DISCUSSION_OF_RUPTURE("exploratory", "Invite the patient to discuss thoughts or feelings about the rupture"),
    ACKNOWLEDGE_OWN_CONTRIBUTION("exploratory", "Acknowledge the therapist's own contribution"),
    DISCLOSE_OWN_EXPERIENCE("exploratory", "Disclose the therapist's internal experience"),
    LINK_TO_PATTERNS_WITH_THERAPIST("exploratory", "Link the rupture to larger interpersonal patterns with the therapist"),
    LINK_TO_PATTERNS_IN_OTHER_RELATIONSHIPS("exploratory", "Link the rupture to patterns in other relationships"),
    VALIDATE_DEFENSIVE_POSTURE("exploratory", "Validate the patient's defensive posture"),
    OTHER(null, "Other (described)");

    private final String group;
    private final String label;

    RepairStrategy(String group, String label) {
        this.group = group;
        this.label = label;
    }

    /** "immediate" or "exploratory"; null for OTHER. */
    public String group() {
        return group;
    }

    @Override
    public String reference() {
        return group == null ? null : "3RS " + group + " resolution strategy";
    }

    @Override
    public String label() {
        return label;
    }
}
