package app.attune.api;

/** Shapes shared by the API records' text fields. */
public final class Text {

    /** No leading or trailing blanks; anything printable between. */
    public static final String TRIMMED = "^\\S(?:.*\\S)?$";

    /** Lower-case slug such as `missed-session`. */
    public static final String SLUG = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

    public static final int EXTERNAL_ID_MAX = 200;
    public static final int LABEL_MAX = 200;
    public static final int NOTE_MAX = 100_000;
    public static final int DESCRIPTION_MAX = 20_000;

    private Text() {
    }
}
