package app.attune.alliance;

/** How an alliance names the people in a couple, family or group: labels, never names. */
public final class Participants {

    public static final int MAX = 20;
    public static final int LABEL_MAX = 24;
    static final String LABEL_RULE = "must be a short lower-case label such as partner-a, never a name";
    static final String DESCRIPTION = "COUPLE, FAMILY and GROUP alliances name at least two participants by short "
            + "labels (partner-a, parent-1: no identifying data), which their clients' measures name; an INDIVIDUAL "
            + "alliance names none.";

    private Participants() {
    }
}
