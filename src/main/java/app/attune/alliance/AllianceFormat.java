package app.attune.alliance;

import app.attune.api.Coded;
import java.util.HashSet;
import java.util.List;

public enum AllianceFormat implements Coded {
    INDIVIDUAL("Individual"),
    COUPLE("Couple"),
    FAMILY("Family"),
    GROUP("Group");

    private final String label;

    AllianceFormat(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** What is wrong with these participants for this format, or null: several people are named, one is not. */
    public String participantsProblem(List<String> participants) {
        if (this == INDIVIDUAL) {
            return participants.isEmpty() ? null : "an INDIVIDUAL alliance has no participants";
        }
        if (participants.size() < 2) {
            return "a " + name() + " alliance names at least two participants, by short labels such as partner-a";
        }
        return new HashSet<>(participants).size() == participants.size() ? null : "names a participant twice";
    }
}
