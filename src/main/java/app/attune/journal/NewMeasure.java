package app.attune.journal;

import app.attune.alliance.Participants;
import app.attune.api.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewMeasure", description = "A completed questionnaire. Totals and subscales are computed by the service.")
public record NewMeasure(
        @NotNull @Schema(required = true, example = "SRS") Instrument instrument,
        @Schema(description = "CLIENT when absent.", example = "CLIENT") Respondent respondent,
        @Size(max = Participants.LABEL_MAX) @Pattern(regexp = Text.SLUG, message = "must be a participant's label such as partner-a")
        @Schema(description = "Whose measure it is: one of the alliance's participants. Required for a client's measure "
                + "in an alliance that names participants, absent otherwise; optional for the therapist's or an observer's "
                + "rating of the alliance with one participant.", example = "partner-a") String participant,
        @NotNull @Schema(required = true, example = "POST_SESSION") MeasureTiming timing,
        @NotNull @Size(max = 20)
        @Schema(required = true, maxProperties = 20,
                description = "Item code to score; GET /api/v1/vocabulary lists each instrument's items and ranges.",
                example = "{\"RELATIONSHIP\": 9.1, \"GOALS_AND_TOPICS\": 8.7, \"APPROACH\": 9.0, \"OVERALL\": 8.8}")
        Map<String, BigDecimal> items) {

    Respondent respondentOrClient() {
        return respondent == null ? Respondent.CLIENT : respondent;
    }
}
