package app.attune.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Who may call each operation, in `x-roles` and the description; the bearer requirement has an
 * empty scope list, as OpenAPI asks of schemes other than OAuth2 and OpenID Connect.
 */
final class Access {

    static final String ROLES_EXTENSION = "x-roles";

    private Access() {
    }

    static void declare(String path, PathItem.HttpMethod method, Operation operation, Map<String, List<String>> roles) {
        List<String> admitted = roles.get(method.name() + " " + path);
        if (admitted == null || admitted.isEmpty()) {
            throw new IllegalStateException("No roles found for " + method + " " + path);
        }
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(ContractFilter.BEARER, List.of())));
        operation.addExtension(ROLES_EXTENSION, admitted);
        String description = operation.getDescription() == null ? "" : operation.getDescription().strip() + "\n\n";
        operation.setDescription(description + "Roles: " + String.join(", ", admitted) + ".");
    }
}
