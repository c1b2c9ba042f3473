package app.attune.research;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ResearchExport", description = "A research export's request, state and progress. The record stays after "
        + "its data has expired.")
public record ResearchExportView(
        UUID id,
        @Schema(example = "RUNNING") ResearchExportStatus status,
        LocalDate from,
        LocalDate to,
        boolean endedOnly,
        UUID requestedBy,
        OffsetDateTime createdAt,
        @Schema(description = "Rows written so far, over every file.", example = "12000") long rowsWritten,
        @Schema(nullable = true, description = "Rows the export will write; null until it has started.", example = "48000")
        Long rowsTotal,
        @Schema(nullable = true, description = "rowsWritten as a whole percentage of rowsTotal; null until it has started.",
                example = "25") Integer percent,
        @Schema(description = "Rows of each file of the ZIP; empty until done.", maxProperties = 32)
        Map<String, Long> rowCounts,
        @Schema(nullable = true) OffsetDateTime finishedAt,
        @Schema(nullable = true, description = "When its data is deleted; null until done.") OffsetDateTime expiresAt) {

    static ResearchExportView of(ResearchExport e) {
        Integer percent = e.rowsTotal == null ? null
                : e.rowsTotal == 0 ? 100 : (int) Math.min(100, 100 * e.rowsWritten / e.rowsTotal);
        return new ResearchExportView(e.id, e.status, e.fromDay, e.toDay, e.endedOnly, e.requestedBy, e.createdAt,
                e.rowsWritten, e.rowsTotal, percent, counts(e.rowCounts), e.finishedAt, e.expiresAt);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, Long>> COUNTS = new TypeReference<>() {
    };

    private static Map<String, Long> counts(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an export's row counts did not read back", e);
        }
    }
}
