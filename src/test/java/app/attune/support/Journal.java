package app.attune.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds session bodies for report scenarios: a date, scores and ruptures in a line each. */
public final class Journal {

    private Journal() {
    }

    public static SessionBody session(String date) {
        return new SessionBody(date);
    }

    public static Map<String, Object> srs(double each) {
        return Map.of("instrument", "SRS", "timing", "POST_SESSION",
                "items", Map.of("RELATIONSHIP", each, "GOALS_AND_TOPICS", each, "APPROACH", each, "OVERALL", each));
    }

    public static Map<String, Object> ors(double each) {
        return Map.of("instrument", "ORS", "timing", "PRE_SESSION",
                "items", Map.of("INDIVIDUAL", each, "INTERPERSONAL", each, "SOCIAL", each, "OVERALL", each));
    }

    public static Map<String, Object> psq(boolean occurred) {
        return Map.of("instrument", "PSQ_RUPTURE", "timing", "POST_SESSION", "items",
                occurred ? Map.of("OCCURRED", 1, "INTENSITY", 3, "RESOLUTION", 2) : Map.of("OCCURRED", 0));
    }

    public static Map<String, Object> wai(int tasks, int bonds, int goals) {
        Map<String, Object> items = new HashMap<>();
        for (String task : List.of("1", "2", "10", "12")) {
            items.put(task, tasks);
        }
        for (String bond : List.of("3", "5", "7", "9")) {
            items.put(bond, bonds);
        }
        for (String goal : List.of("4", "6", "8", "11")) {
            items.put(goal, goals);
        }
        return Map.of("instrument", "WAI_SR", "timing", "POST_SESSION", "items", items);
    }

    public static Map<String, Object> rupture(String type, int significance, List<String> tags, Map<?, ?>... repairs) {
        Map<String, Object> rupture = new HashMap<>();
        rupture.put("type", type);
        rupture.put("significance", significance);
        rupture.put("tags", tags);
        rupture.put("repairs", List.of(repairs));
        return rupture;
    }

    public static Map<String, Object> repair(String strategy, String outcome) {
        return Map.of("strategies", List.of(strategy), "outcome", outcome);
    }

    public static Map<String, Object> repairOf(String ruptureId, String strategy, String outcome) {
        return Map.of("ruptureId", ruptureId, "strategies", List.of(strategy), "outcome", outcome);
    }

    /** A session as posted: attended at 15:00 UTC on its date unless told otherwise. */
    public static final class SessionBody extends HashMap<String, Object> {

        SessionBody(String date) {
            put("occurredAt", date + "T15:00:00Z");
            put("durationMinutes", 50);
            put("attendance", "ATTENDED");
        }

        public SessionBody with(String field, Object value) {
            put(field, value);
            return this;
        }

        public SessionBody attendance(String attendance) {
            put("attendance", attendance);
            return this;
        }

        @SafeVarargs
        public final SessionBody measures(Map<String, Object>... measures) {
            put("measures", List.of(measures));
            return this;
        }

        @SafeVarargs
        public final SessionBody ruptures(Map<String, Object>... ruptures) {
            put("ruptures", List.of(ruptures));
            return this;
        }

        @SafeVarargs
        public final SessionBody repairs(Map<String, Object>... repairs) {
            put("repairs", new ArrayList<>(List.of(repairs)));
            return this;
        }
    }
}
