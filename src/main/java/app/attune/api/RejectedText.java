package app.attune.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON string the journal refuses to store (a NUL byte or a broken surrogate pair). */
public class RejectedText extends MismatchedInputException {

    private final String reason;

    RejectedText(JsonParser parser, String reason) {
        super(parser, reason, String.class);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
