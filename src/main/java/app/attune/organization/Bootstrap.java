package app.attune.organization;

import app.attune.config.AttuneConfig;
import app.attune.database.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Provisions one organization and its first admin once the schema is ready, when
 * attune.bootstrap.organization is set (the dev profile sets demo-clinic), so that a fresh clone's
 * quick start needs no operator. Does nothing when the organization exists.
 */
@ApplicationScoped
class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class);

    private final Optional<String> organization;
    private final Optional<String> adminSubject;
    private final OrganizationService organizations;

    Bootstrap(OrganizationService organizations, AttuneConfig config) {
        this.organizations = organizations;
        this.organization = config.bootstrap().organization();
        this.adminSubject = config.bootstrap().adminSubject();
    }

    @ActivateRequestContext
    void onSchemaReady(@Observes SchemaReady event) {
        if (organization.isEmpty()) {
            return;
        }
        if (adminSubject.isEmpty()) {
            throw new IllegalStateException("Set attune.bootstrap.admin-subject beside attune.bootstrap.organization");
        }
        if (organizations.serves(organization.get())) {
            return;
        }
        try {
            organizations.provision(new NewOrganization(organization.get(), organization.get(), adminSubject.get()));
            LOG.infof("Provisioned organization %s with its first admin (attune.bootstrap.*)", organization.get());
        } catch (RuntimeException e) {
            // Another replica starting at the same moment may have provisioned it first.
            if (!organizations.serves(organization.get())) {
                throw e;
            }
        }
    }
}
