package app.attune.webhook;

/** The event types a webhook can subscribe to: resource.past-tense, as the change feed names them. */
final class EventTypes {

    static final String PATTERN = "^(client\\.created|alliance\\.(created|updated|closed)|session\\.(created|updated|signed|cosigned)"
            + "|measure\\.created|rupture\\.(created|updated)|repair\\.(created|updated))$";

    private EventTypes() {
    }
}
