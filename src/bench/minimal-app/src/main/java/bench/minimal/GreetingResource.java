package bench.minimal;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;

@Path("/greetings")
public class GreetingResource {

    @GET
    public List<Greeting> list() {
        return Greeting.find("order by id desc").page(0, 20).list();
    }

    @POST
    @Transactional
    public Response add(Greeting greeting) {
        greeting.id = null;
        greeting.persist();
        return Response.status(201).entity(greeting).build();
    }
}
