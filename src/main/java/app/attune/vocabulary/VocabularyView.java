package app.attune.vocabulary;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every enumeration and instrument of the API, for clients that build their forms from it. */
@Schema(name = "Vocabulary")
public record VocabularyView(
        @Schema(description = "Enumeration name to its codes.") Map<String, List<Code>> enumerations,
        List<Instrument> instruments,
        @Schema(description = "Ranges of the 3RS ratings.") Map<String, Range> ratings) {

    /** A code with its label; `reference` cites its source (3RS code), `group` and `type` classify it. */
    @Schema(name = "VocabularyCode")
    public record Code(
            @Schema(example = "COMPLAINT_ABOUT_PARAMETERS") String code,
            @Schema(example = "Complaints/concerns about the parameters of therapy") String label,
            @Schema(nullable = true, description = "Null where the literature gives no reference.", example = "3RS C4")
            String reference,
            @Schema(nullable = true, description = "Strategies: immediate or exploratory; null for OTHER and outside strategies.")
            String group,
            @Schema(nullable = true, description = "Markers: the rupture type they belong to; null outside markers.",
                    example = "CONFRONTATION") String type) {
    }

    @Schema(name = "VocabularyInstrument")
    public record Instrument(String code, String label, String reference, List<String> respondents, List<Item> items,
            @Schema(nullable = true, description = "The range of the total; null for an instrument without one (PSQ_RUPTURE).")
            Range total,
            Map<String, List<String>> subscales) {
    }

    @Schema(name = "VocabularyItem")
    public record Item(String code, String label, BigDecimal min, BigDecimal max, BigDecimal step) {
    }

    @Schema(name = "VocabularyRange")
    public record Range(BigDecimal min, BigDecimal max) {
    }
}
