package app.attune.change;

import app.attune.api.ApiExamples;
import app.attune.api.QueryParams;
import app.attune.audit.AuditAction;
import app.attune.audit.AuditTrail;
import app.attune.audit.AuditedType;
import app.attune.identity.CurrentCaller;
import app.attune.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "Changes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.THERAPIST, Roles.SUPERVISOR, Roles.INTEGRATION})
public class ChangeResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final ChangeFeed feed;
    private final CurrentCaller caller;
    private final AuditTrail audit;

    ChangeResource(ChangeFeed feed, CurrentCaller caller, AuditTrail audit) {
        this.feed = feed;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    @Path("/changes")
    @Operation(operationId = "listChanges", summary = "Read the changes the caller may see, in commit order, from a cursor",
            description = "Lists every create, update, sign and close of clients, alliances, sessions, measures, ruptures "
                    + "and repairs that the caller may see, in commit order, ids only, from a cursor. Start with since=0, "
                    + "keep nextCursor and read again while more is true: positions have no gaps and follow the commit order.")
    @APIResponse(responseCode = "200", description = "The next changes and the cursor to continue from",
            content = @Content(schema = @Schema(implementation = ChangePage.class),
                    examples = @ExampleObject(name = "changes", value = ApiExamples.CHANGES)))
    public ChangePage changes(
            @Parameter(description = "A cursor from an earlier answer (a whole number, written as the answers write "
                    + "it: as text, since 64-bit numbers do not survive JavaScript); 0 (the beginning) when absent",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,19}$", maxLength = 19,
                            defaultValue = "0")) @QueryParam("since") String since,
            @Parameter(description = "At most this many changes, 1 to 1000 (100 by default)",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "" + MAX_LIMIT,
                            defaultValue = "" + DEFAULT_LIMIT)) @QueryParam("limit") String limit) {
        QueryParams query = new QueryParams();
        long from = query.wholeNumber("since", since, 0, Long.MAX_VALUE, 0);
        int size = (int) query.wholeNumber("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
        query.check();
        ChangePage page = feed.read(caller.get(), from, size);
        audit.read(AuditAction.LIST, AuditedType.CHANGE_FEED);
        return page;
    }
}
