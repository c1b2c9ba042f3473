package app.attune.alliance;

import app.attune.vocabulary.Coded;

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
}
