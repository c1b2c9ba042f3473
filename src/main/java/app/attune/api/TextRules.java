package app.attune.api;

/** What any text must be to be stored: no NUL and no unpaired UTF-16 surrogate. */
public final class TextRules {

    private TextRules() {
    }

    /** The reason the text cannot be stored, or null when it can. */
    public static String problemWith(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "must not contain a NUL character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must be valid Unicode text";
            }
            if (Character.isLowSurrogate(c)) {
                return "must be valid Unicode text";
            }
        }
        return null;
    }
}
