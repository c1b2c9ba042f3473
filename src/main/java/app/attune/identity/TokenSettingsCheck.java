package app.attune.identity;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start a production service that would accept tokens without knowing whose key signs
 * them, which issuer they must come from or which audience they must be minted for.
 */
@ApplicationScoped
class TokenSettingsCheck {

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> keyLocation;

    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> key;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<List<String>> audiences;

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        if (keyLocation.isEmpty() && key.isEmpty()) {
            throw new IllegalStateException("Set MP_JWT_VERIFY_PUBLICKEY_LOCATION (a PEM file or a JWKS URL) to verify tokens");
        }
        if (issuer.isEmpty()) {
            throw new IllegalStateException("Set MP_JWT_VERIFY_ISSUER: tokens from any other issuer must be refused");
        }
        if (audiences.filter(list -> list.stream().anyMatch(a -> !a.isBlank())).isEmpty()) {
            throw new IllegalStateException("Set MP_JWT_VERIFY_AUDIENCES: tokens minted for another application must be refused");
        }
    }
}
