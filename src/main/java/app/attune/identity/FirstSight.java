package app.attune.identity;

/**
 * Records that a practitioner was registered the first time its token was seen. Implemented by the
 * audit trail, which identity must not depend on.
 */
public interface FirstSight {

    void registered(Caller practitioner, String requestId);
}
