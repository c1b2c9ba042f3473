package app.attune.api;

/** Shapes shared by the API records' text fields. */
public final class Text {

    /**
     * No leading or trailing blanks; anything but a line break between. Written out (rather than
     * {@code ^\S(?:.*\S)?$}) because the document publishes it to ECMA-262 regex engines, whose
     * \s and . are wider than Java's: this reads the same in both.
     */
    public static final String TRIMMED = "^[^ \\t\\n\\x0B\\f\\r](?:[^\\n\\r\\u0085\\u2028\\u2029]*[^ \\t\\n\\x0B\\f\\r])?$";

    /** Lower-case slug such as `missed-session`. */
    public static final String SLUG = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

    public static final int EXTERNAL_ID_MAX = 200;
    public static final int LABEL_MAX = 200;
    public static final int NOTE_MAX = 100_000;
    public static final int DESCRIPTION_MAX = 20_000;

    private Text() {
    }
}
