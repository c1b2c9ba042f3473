package app.attune.api;

/** An enumeration value the API offers through /vocabulary: its code is the enum name. */
public interface Coded {

    String name();

    String label();

    /** The 3RS (or other source) reference of the code, where the literature gives one. */
    default String reference() {
        return null;
    }
}
