package app.attune.change;

/** What happened to a resource, as the change feed and webhooks name it. */
public enum ChangeAction {
    CREATE("created"), UPDATE("updated"), SIGN("signed"), COSIGN("cosigned"), CLOSE("closed");

    /** The past tense used in webhook event types: session.signed. */
    public final String pastTense;

    ChangeAction(String pastTense) {
        this.pastTense = pastTense;
    }
}
