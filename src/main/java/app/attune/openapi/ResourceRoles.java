package app.attune.openapi;

import app.attune.identity.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The roles each resource method admits, read from its @RolesAllowed (or @Authenticated: every
 * role) when the document is built. The scanner keeps roles only as bearer scopes, which OpenAPI
 * 3.0 does not allow, so they are read here from the classes themselves.
 */
final class ResourceRoles {

    private static final String ROOT = "app/attune";

    private ResourceRoles() {
    }

    /** "POST /api/v1/alliances" to its roles, for every resource method of the application. */
    static Map<String, List<String>> read() {
        Map<String, List<String>> roles = new TreeMap<>();
        for (Class<?> resource : resourceClasses()) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = httpMethod(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    roles.put(verb + " " + join(base, sub == null ? "" : sub.value()), rolesOf(resource, method));
                }
            }
        }
        return roles;
    }

    private static List<String> rolesOf(Class<?> resource, Method method) {
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        boolean authenticated = method.isAnnotationPresent(Authenticated.class);
        if (allowed == null && !authenticated) {
            allowed = resource.getAnnotation(RolesAllowed.class);
            authenticated = resource.isAnnotationPresent(Authenticated.class);
        }
        return List.copyOf(new TreeSet<>(allowed != null ? List.of(allowed.value()) : authenticated ? Roles.ALL : List.of()));
    }

    private static String httpMethod(Method method) {
        return Stream.of(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(java.util.Objects::nonNull).map(HttpMethod::value).findFirst().orElse(null);
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Classes with @Path in this application's own code (a folder when built, a jar when packaged). */
    private static List<Class<?>> resourceClasses() {
        try {
            var location = Paths.get(ResourceRoles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return resourceClasses(location.resolve(ROOT), location);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return resourceClasses(jar.getPath("/" + ROOT), jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Class<?>> resourceClasses(java.nio.file.Path dir, java.nio.file.Path root) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
            return files.map(f -> root.relativize(f).toString()).filter(name -> name.endsWith("Resource.class"))
                    .map(name -> load(loader, name.replace('/', '.').replaceAll("\\.class$", "")))
                    .filter(type -> type.isAnnotationPresent(Path.class)).<Class<?>>map(type -> type).toList();
        }
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Cannot read the roles of " + name, e);
        }
    }
}
