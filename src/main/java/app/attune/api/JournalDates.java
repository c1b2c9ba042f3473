package app.attune.api;

import java.time.LocalDate;

/** The dates a journal can hold: from 1900 to 2199. */
public final class JournalDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private JournalDates() {
    }

    public static boolean holds(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }
}
