package app.attune.research;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a research export stands. */
@Schema(name = "ResearchExportStatus", description = "QUEUED, RUNNING, DONE (its data can be downloaded until it "
        + "expires), FAILED, EXPIRED (its data was deleted; the record of the export stays).")
public enum ResearchExportStatus {
    QUEUED, RUNNING, DONE, FAILED, EXPIRED
}
