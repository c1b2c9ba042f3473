package app.attune.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json).")
public record Problem(
        @Schema(example = "urn:attune:problem:validation") String type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 fields are invalid") String detail,
        @Schema(description = "For validation problems: every offending field.") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
