package app.attune.change;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChangePage")
public record ChangePage(
        List<ChangeView> changes,
        @Schema(description = "Where to continue: pass it as `since`. It moves past changes the caller may not see.",
                example = "1042") String nextCursor,
        @Schema(description = "true when more changes are already waiting after nextCursor.") boolean more) {
}
