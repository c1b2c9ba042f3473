package app.attune.research;

import app.attune.alliance.AllianceFormat;
import app.attune.alliance.AllianceStatus;
import app.attune.journal.AllianceDimension;
import app.attune.journal.Attendance;
import app.attune.journal.Initiator;
import app.attune.journal.Instrument;
import app.attune.journal.MeasureTiming;
import app.attune.journal.RepairOutcome;
import app.attune.journal.RepairStrategy;
import app.attune.journal.Reporter;
import app.attune.journal.Respondent;
import app.attune.journal.RuptureMarker;
import app.attune.journal.RuptureStatus;
import app.attune.journal.RuptureType;
import app.attune.journal.SessionMode;
import app.attune.journal.SessionStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Every column of every file of a research export: what it means, its type, unit and codes. */
final class DataDictionary {

    record Column(String file, String name, String meaning, String type, String unit, String codes) {
    }

    static final String[] HEADER = {"file", "column", "meaning", "type", "unit", "codes"};
    static final String PSEUDONYM = "pseudonym: 20 hex digits, a keyed hash (HMAC-SHA-256) of the real id under a key made "
            + "for this export and destroyed after it";
    static final String DAY = "whole days from the alliance's first session (day 0), in the organization's time zone";
    static final List<String> AGE_BANDS = List.of("under 18", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74",
            "75-84", "85-89", "90 and over", "unknown");

    static final List<Column> COLUMNS = columns();

    private DataDictionary() {
    }

    private static List<Column> columns() {
        List<Column> all = new ArrayList<>(List.of(
                new Column("alliances.csv", "alliance", "the alliance (therapist and client working together)", "text", "",
                        PSEUDONYM),
                new Column("alliances.csv", "therapist", "its therapist", "text", "", "pseudonym, as in practitioners.csv"),
                new Column("alliances.csv", "format", "who takes part", "code", "", codes(AllianceFormat.values())),
                new Column("alliances.csv", "status", "its status at the export", "code", "", codes(AllianceStatus.values())),
                new Column("alliances.csv", "participants", "participants of a couple, family or group; 0 for an individual",
                        "integer", "persons", ""),
                new Column("alliances.csv", "age_band", "the client's age at the alliance's start, from the birth year",
                        "code", "years", String.join(";", AGE_BANDS)),
                new Column("alliances.csv", "started_day", "the alliance's start", "integer", DAY, ""),
                new Column("alliances.csv", "ended_day", "the alliance's end; empty while open", "integer", DAY, ""),
                new Column("alliances.csv", "first_session_year", "year of the first session; empty unless the organization keeps"
                        + " years", "integer", "calendar year", ""),
                new Column("alliances.csv", "sessions", "its sessions in this export", "integer", "sessions", ""),
                new Column("sessions.csv", "session", "the session", "text", "", PSEUDONYM),
                new Column("sessions.csv", "alliance", "its alliance", "text", "", "pseudonym, as in alliances.csv"),
                new Column("sessions.csv", "number", "its number in the alliance, from 1", "integer", "", ""),
                new Column("sessions.csv", "day", "when it took place", "integer", DAY, ""),
                new Column("sessions.csv", "duration_minutes", "its length; empty when not recorded", "integer", "minutes", ""),
                new Column("sessions.csv", "mode", "how it took place; empty when not recorded", "code", "",
                        codes(SessionMode.values())),
                new Column("sessions.csv", "attendance", "who attended", "code", "", codes(Attendance.values())),
                new Column("sessions.csv", "status", "whether its note was signed", "code", "", codes(SessionStatus.values())),
                new Column("sessions.csv", "cosigned", "co-signed by a supervisor", "boolean", "", "true;false"),
                new Column("measures.csv", "measure", "one administration of an instrument", "text", "", PSEUDONYM),
                new Column("measures.csv", "session", "its session", "text", "", "pseudonym, as in sessions.csv"),
                new Column("measures.csv", "alliance", "its alliance", "text", "", "pseudonym, as in alliances.csv"),
                new Column("measures.csv", "instrument", "the instrument", "code", "", codes(Instrument.values())),
                new Column("measures.csv", "respondent", "who answered", "code", "", codes(Respondent.values())),
                new Column("measures.csv", "timing", "before or after the session", "code", "", codes(MeasureTiming.values())),
                new Column("measures.csv", "participant", "which participant answered (1, 2, ... in the alliance); empty for an "
                        + "individual alliance", "integer", "", ""),
                new Column("measures.csv", "total", "the instrument's total; empty where it has none", "decimal", "points", ""),
                new Column("measure_items.csv", "measure", "the measure", "text", "", "pseudonym, as in measures.csv"),
                new Column("measure_items.csv", "item", "the item", "code", "", "the instrument's item codes (vocabulary)"),
                new Column("measure_items.csv", "score", "the item's score", "decimal", "points", ""),
                new Column("ruptures.csv", "rupture", "a rupture of the alliance", "text", "", PSEUDONYM),
                new Column("ruptures.csv", "session", "the session it surfaced in", "text", "", "pseudonym, as in sessions.csv"),
                new Column("ruptures.csv", "alliance", "its alliance", "text", "", "pseudonym, as in alliances.csv"),
                new Column("ruptures.csv", "type", "3RS rupture type", "code", "", codes(RuptureType.values())),
                new Column("ruptures.csv", "markers", "3RS markers, semicolon-separated", "code list", "",
                        codes(RuptureMarker.values())),
                new Column("ruptures.csv", "tags", "the organization's approved tags, semicolon-separated; any other tag is "
                        + "\"other\"", "code list", "", "the organization's approved list;other"),
                new Column("ruptures.csv", "dimension", "alliance dimension strained; empty when not recorded", "code", "",
                        codes(AllianceDimension.values())),
                new Column("ruptures.csv", "significance", "3RS significance", "integer", "1-5", ""),
                new Column("ruptures.csv", "therapist_contribution", "therapist's contribution; empty when not recorded",
                        "integer", "1-5", ""),
                new Column("ruptures.csv", "reported_by", "whose account it is", "code", "", codes(Reporter.values())),
                new Column("ruptures.csv", "minute_in_session", "when in the session; empty when not recorded", "integer",
                        "minutes", ""),
                new Column("ruptures.csv", "status", "its status at the export", "code", "", codes(RuptureStatus.values())),
                new Column("repairs.csv", "repair", "one repair episode", "text", "", PSEUDONYM),
                new Column("repairs.csv", "rupture", "the rupture it repaired", "text", "", "pseudonym, as in ruptures.csv"),
                new Column("repairs.csv", "session", "the session it was made in; empty between sessions", "text", "",
                        "pseudonym, as in sessions.csv"),
                new Column("repairs.csv", "alliance", "its alliance", "text", "", "pseudonym, as in alliances.csv"),
                new Column("repairs.csv", "day", "when it was made", "integer", DAY, ""),
                new Column("repairs.csv", "strategies", "3RS repair strategies, the main one first, semicolon-separated",
                        "code list", "", codes(RepairStrategy.values())),
                new Column("repairs.csv", "initiated_by", "who began it", "code", "", codes(Initiator.values())),
                new Column("repairs.csv", "outcome", "how far it repaired the rupture", "code", "", codes(RepairOutcome.values())),
                new Column("repairs.csv", "resolution_rating", "how resolved it felt; empty when not rated", "integer", "1-5",
                        ""),
                new Column("practitioners.csv", "practitioner", "a therapist of an exported alliance", "text", "", PSEUDONYM),
                new Column("practitioners.csv", "licensed", "licensed (false: pre-licensed, supervised)", "boolean", "",
                        "true;false")));
        all.addAll(aggregate("counts_by_marker.csv", "3RS marker", codes(RuptureMarker.values())));
        all.addAll(aggregate("counts_by_strategy.csv", "3RS repair strategy", codes(RepairStrategy.values())));
        all.addAll(aggregate("counts_by_age_band.csv", "age band of the alliances' clients", String.join(";", AGE_BANDS)));
        all.addAll(aggregate("counts_by_format.csv", "alliance format", codes(AllianceFormat.values())));
        return List.copyOf(all);
    }

    /** The three columns of an aggregate table, flattened into the list above. */
    private static List<Column> aggregate(String file, String category, String codes) {
        return List.of(new Column(file, "category", category, "code", "", codes),
                new Column(file, "count", "rows in the category; empty when suppressed", "integer", "", ""),
                new Column(file, "suppressed", "true when the count is below the minimum cell size and left out",
                        "boolean", "", "true;false"));
    }

    private static String codes(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(";"));
    }
}
