package app.attune.research;

import app.attune.api.ApiProblem;
import app.attune.audit.AuditAction;
import app.attune.audit.AuditTrail;
import app.attune.audit.AuditedType;
import app.attune.config.AttuneConfig;
import app.attune.database.TenantKey;
import app.attune.idempotency.ReplayedResource;
import app.attune.identity.Caller;
import app.attune.identity.CurrentCaller;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Research exports: asked for by an admin or a researcher of the organization, written in the
 * background ({@link ExportWorker}), downloaded once done and until they expire. Every step is
 * audited under the export's id; the export's record says who asked, when, for which range, and
 * how many rows left.
 */
@ApplicationScoped
public class ResearchExportService {

    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final AgroalDataSource dataSource;
    private final int maxRangeDays;
    private final Clock clock;

    ResearchExportService(CurrentCaller caller, AuditTrail audit, AgroalDataSource dataSource, Clock clock,
            AttuneConfig config) {
        this.caller = caller;
        this.audit = audit;
        this.dataSource = dataSource;
        this.maxRangeDays = config.report().maxRangeDays();
        this.clock = clock;
    }

    /** A replayed answer that shows an export is a read of that export. */
    @Produces
    static ReplayedResource replayed(ResearchExportService exports) {
        return new ReplayedResource("research-exports", exports::get);
    }

    @Transactional
    public ResearchExportView start(NewResearchExport request) {
        if (request.to().isBefore(request.from())) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(request.from(), request.to()) >= maxRangeDays) {
            throw ApiProblem.invalid("from", "an export spans at most " + maxRangeDays + " days, as a report does");
        }
        Caller me = caller.get();
        ResearchExport export = new ResearchExport();
        export.id = UUID.randomUUID();
        export.organizationId = me.organizationId();
        export.requestedBy = me.practitionerId();
        export.fromDay = request.from();
        export.toDay = request.to();
        export.endedOnly = Boolean.TRUE.equals(request.endedOnly());
        export.status = ResearchExportStatus.QUEUED;
        export.createdAt = OffsetDateTime.now(clock);
        export.persist();
        audit.done(AuditAction.CREATE, AuditedType.RESEARCH_EXPORT, export.id, null);
        return ResearchExportView.of(export);
    }

    @Transactional
    public ResearchExportView get(UUID id) {
        ResearchExport export = visible(id);
        audit.done(AuditAction.READ, AuditedType.RESEARCH_EXPORT, id, null);
        return ResearchExportView.of(export);
    }

    /**
     * Checks that the export's data can be downloaded now (404 when expired, 409 when not done) and
     * audits it; returns the export's key, for {@link #copyData}.
     */
    @Transactional
    public TenantKey download(UUID id) {
        ResearchExport export = visible(id);
        boolean expired = export.status == ResearchExportStatus.EXPIRED
                || (export.expiresAt != null && !export.expiresAt.isAfter(OffsetDateTime.now(clock)));
        if (expired) {
            throw ApiProblem.notFound("research export data (it has expired)");
        }
        if (export.status != ResearchExportStatus.DONE) {
            throw ApiProblem.conflict("The research export is " + export.status + ": its data can be downloaded once DONE");
        }
        audit.done(AuditAction.EXPORT, AuditedType.RESEARCH_EXPORT, id, null);
        return new TenantKey(export.id, export.organizationId);
    }

    /**
     * Writes the ZIP's chunks in order, a chunk at a time, from one snapshot: an expiry that
     * deletes them meanwhile does not cut the download short.
     */
    public void copyData(TenantKey export, OutputStream to) throws IOException {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement begin = db.prepareStatement("set transaction isolation level repeatable read, read only");
                    PreparedStatement chunk = db.prepareStatement(
                            "select data from research_export_chunk where export_id = ? and organization_id = ? and seq = ?")) {
                begin.execute();
                for (int seq = 0; ; seq++) {
                    chunk.setObject(1, export.id);
                    chunk.setObject(2, export.organizationId);
                    chunk.setInt(3, seq);
                    try (ResultSet row = chunk.executeQuery()) {
                        if (!row.next()) {
                            if (seq == 0) {
                                throw new IOException("the export's data is gone");
                            }
                            break;
                        }
                        to.write(row.getBytes(1));
                    }
                }
            } finally {
                db.rollback();
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException("the export's data could not be read", e);
        }
    }

    private ResearchExport visible(UUID id) {
        ResearchExport export = ResearchExport.findById(new TenantKey(id, caller.get().organizationId()));
        if (export == null) {
            throw ApiProblem.notFound("research export");
        }
        return export;
    }
}
