package app.attune.organization;

import app.attune.api.ApiProblem;
import app.attune.api.Versions;
import app.attune.audit.AuditAction;
import app.attune.audit.AuditTrail;
import app.attune.audit.AuditedType;
import app.attune.identity.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

@ApplicationScoped
public class SettingsService {

    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final Clock clock;

    SettingsService(CurrentCaller caller, AuditTrail audit, Clock clock) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ReportSettings get() {
        return ReportSettings.of(of(caller.get().organizationId()));
    }

    @Transactional
    public ReportSettings replace(long expectedVersion, ReportSettings request) {
        if (request.version() != null) {
            throw ApiProblem.invalid("version", "is read-only");
        }
        OrganizationSettings settings = of(caller.get().organizationId());
        Versions.check(expectedVersion, settings.version);
        settings.srsCutoff = request.srsCutoff().setScale(1, RoundingMode.UNNECESSARY);
        settings.srsItemFloor = request.srsItemFloor().setScale(1, RoundingMode.UNNECESSARY);
        settings.orsCutoff = request.orsCutoff().setScale(1, RoundingMode.UNNECESSARY);
        settings.orsReliableChange = request.orsReliableChange().setScale(1, RoundingMode.UNNECESSARY);
        settings.repairWindowSessions = request.repairWindowSessions();
        settings.openRuptureLimitDays = request.openRuptureLimitDays();
        settings.srsDropPoints = request.srsDropPoints() == null ? DEFAULT_DROP_POINTS
                : request.srsDropPoints().setScale(1, RoundingMode.UNNECESSARY);
        settings.timeZone = request.timeZone() == null ? "UTC" : zone(request.timeZone());
        settings.researchTags = request.researchTags() == null ? new String[0]
                : request.researchTags().stream().distinct().sorted().toArray(String[]::new);
        settings.researchKeepsYear = Boolean.TRUE.equals(request.researchKeepsYear());
        settings.updatedAt = OffsetDateTime.now(clock);
        settings.flush();
        audit.done(AuditAction.UPDATE, AuditedType.SETTINGS, settings.organizationId, null);
        return ReportSettings.of(settings);
    }

    private static final BigDecimal DEFAULT_DROP_POINTS = new BigDecimal("1.0");

    /** An IANA region name such as Europe/Berlin (or UTC); offsets and abbreviations are refused. */
    private static String zone(String name) {
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            throw ApiProblem.invalid("timeZone", "must be an IANA time zone name such as Europe/Berlin");
        }
        return name;
    }

    /** The organization's thresholds; the row is written when the organization is registered. */
    public OrganizationSettings of(UUID organizationId) {
        return OrganizationSettings.<OrganizationSettings>findByIdOptional(organizationId)
                .orElseThrow(() -> new IllegalStateException("organization without settings"));
    }
}
