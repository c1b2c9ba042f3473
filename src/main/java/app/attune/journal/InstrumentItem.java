package app.attune.journal;

import java.math.BigDecimal;

/** One item of an instrument: its code, what it asks, and the scores it accepts. */
public record InstrumentItem(String code, String label, BigDecimal min, BigDecimal max, BigDecimal step) {

    static InstrumentItem visualAnalogue(String code, String label) {
        return new InstrumentItem(code, label, BigDecimal.ZERO, BigDecimal.TEN, new BigDecimal("0.1"));
    }

    static InstrumentItem likert(String code, String label, int min, int max) {
        return new InstrumentItem(code, label, BigDecimal.valueOf(min), BigDecimal.valueOf(max), BigDecimal.ONE);
    }

    /** Why the score is refused, or null when it is in range and on the item's step. */
    String problemWith(BigDecimal score) {
        if (score.compareTo(min) < 0 || score.compareTo(max) > 0) {
            return "must be between " + min.toPlainString() + " and " + max.toPlainString();
        }
        if (score.subtract(min).remainder(step).signum() != 0) {
            return step.compareTo(BigDecimal.ONE) == 0 ? "must be a whole number" : "must have at most one decimal";
        }
        return null;
    }
}
