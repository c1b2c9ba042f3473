package app.attune.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Links a supervisee to its supervisor in the test database. The admin API for supervision links
 * belongs to the access-control work; until then the tests write the link directly.
 */
@ApplicationScoped
public class Supervision {

    private final AgroalDataSource dataSource;

    Supervision(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void link(Practitioner supervisor, Practitioner supervisee) {
        // Both must have made a request, which registers them.
        supervisor.request().get("/api/v1/organization/settings").then().statusCode(200);
        supervisee.request().get("/api/v1/organization/settings").then().statusCode(200);
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement("""
                update practitioner set supervisor_id = (select id from practitioner where subject = ?)
                where subject = ?""")) {
            update.setString(1, supervisor.subject);
            update.setString(2, supervisee.subject);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("supervisee not registered");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
