package app.attune.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Links a supervisee to its supervisor the way an organization does: an admin sets supervisorId. */
@ApplicationScoped
public class Supervision {

    public void link(Practitioner supervisor, Practitioner supervisee) {
        Practitioner admin = supervisee.colleague("admin");
        String supervisorId = supervisor.id();
        String superviseeId = supervisee.id();
        String etag = admin.etag("/api/v1/practitioners/{id}", superviseeId);
        admin.request().header("If-Match", etag).body(Map.of("supervisorId", supervisorId))
                .patch("/api/v1/practitioners/{id}", superviseeId).then().statusCode(200);
    }
}
