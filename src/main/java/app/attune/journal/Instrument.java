package app.attune.journal;

import app.attune.api.Coded;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The alliance and outcome instruments a measure can record, with their items and scoring.
 * Totals and subscales are always computed here from the items, never taken from a caller.
 */
public enum Instrument implements Coded {
    SRS("Session Rating Scale v3", "Duncan, Miller et al. 2003",
            List.of(InstrumentItem.visualAnalogue("RELATIONSHIP", "Relationship: felt heard, understood and respected"),
                    InstrumentItem.visualAnalogue("GOALS_AND_TOPICS", "Goals and topics: worked on what I wanted"),
                    InstrumentItem.visualAnalogue("APPROACH", "Approach or method: a good fit for me"),
                    InstrumentItem.visualAnalogue("OVERALL", "Overall: today's session was right for me")),
            Map.of(), Set.of(Respondent.CLIENT), true),
    ORS("Outcome Rating Scale", "Miller, Duncan et al. 2003",
            List.of(InstrumentItem.visualAnalogue("INDIVIDUAL", "Individually: personal well-being"),
                    InstrumentItem.visualAnalogue("INTERPERSONAL", "Interpersonally: family, close relationships"),
                    InstrumentItem.visualAnalogue("SOCIAL", "Socially: work, school, friendships"),
                    InstrumentItem.visualAnalogue("OVERALL", "Overall: general sense of well-being")),
            Map.of(), Set.of(Respondent.CLIENT), true),
    WAI_SR("Working Alliance Inventory, short revised", "Hatcher and Gillaspy 2006",
            IntStream.rangeClosed(1, 12).mapToObj(i -> InstrumentItem.likert(Integer.toString(i), "Item " + i, 1, 5)).toList(),
            Map.of("TASK", List.of("1", "2", "10", "12"), "BOND", List.of("3", "5", "7", "9"), "GOAL", List.of("4", "6", "8", "11")),
            Set.of(Respondent.CLIENT, Respondent.THERAPIST, Respondent.OBSERVER), true),
    PSQ_RUPTURE("Post-session questionnaire: the client's account of a rupture", "Muran et al. 2009",
            List.of(InstrumentItem.likert("OCCURRED", "A rupture occurred in this session (0 no, 1 yes)", 0, 1),
                    InstrumentItem.likert("INTENSITY", "How tense or upsetting it was (1-5; only when it occurred)", 1, 5),
                    InstrumentItem.likert("RESOLUTION", "How well it was resolved (1-5; only when it occurred)", 1, 5)),
            Map.of(), Set.of(Respondent.CLIENT), false);

    private final String label;
    private final String reference;
    private final List<InstrumentItem> items;
    private final Map<String, List<String>> subscales;
    private final Set<Respondent> respondents;
    private final boolean totalled;

    Instrument(String label, String reference, List<InstrumentItem> items, Map<String, List<String>> subscales,
            Set<Respondent> respondents, boolean totalled) {
        this.label = label;
        this.reference = reference;
        this.items = items;
        this.subscales = subscales;
        this.respondents = respondents;
        this.totalled = totalled;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String reference() {
        return reference;
    }

    public List<InstrumentItem> items() {
        return items;
    }

    public Set<Respondent> respondents() {
        return respondents;
    }

    /** Subscale name to item codes, in a stable order. */
    public Map<String, List<String>> subscales() {
        return new java.util.TreeMap<>(subscales);
    }

    public BigDecimal minTotal() {
        return totalled ? items.stream().map(InstrumentItem::min).reduce(BigDecimal.ZERO, BigDecimal::add) : null;
    }

    public BigDecimal maxTotal() {
        return totalled ? items.stream().map(InstrumentItem::max).reduce(BigDecimal.ZERO, BigDecimal::add) : null;
    }

    InstrumentItem item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
    }

    /** Items a complete answer must hold; PSQ_RUPTURE asks intensity and resolution only of a rupture. */
    boolean requires(String code, Map<String, BigDecimal> answers) {
        if (this == PSQ_RUPTURE && !code.equals("OCCURRED")) {
            BigDecimal occurred = answers.get("OCCURRED");
            return occurred != null && occurred.compareTo(BigDecimal.ONE) == 0;
        }
        return true;
    }

    /** Whether an answered item is allowed given the others (intensity only when a rupture occurred). */
    boolean allows(String code, Map<String, BigDecimal> answers) {
        return requires(code, answers) || this != PSQ_RUPTURE;
    }

    public BigDecimal total(Map<String, BigDecimal> scores) {
        return totalled ? scores.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add) : null;
    }

    public Map<String, BigDecimal> subscaleTotals(Map<String, BigDecimal> scores) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        subscales().forEach((name, codes) -> totals.put(name,
                codes.stream().map(scores::get).reduce(BigDecimal.ZERO, BigDecimal::add)));
        return totals;
    }
}
