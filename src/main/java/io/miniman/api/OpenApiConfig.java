package io.miniman.api;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document: bearer tokens, and each operation's roles from its {@link ApiRoles}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String ROLES_EXTENSION = "x-roles";

    @Bean
    OpenAPI minimanOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Mini Manager API").version("v1").description("""
                        Everything the console does, for scripts. Make a token under API tokens in the console \
                        (or `java -jar miniman.jar token create`), then send `Authorization: Bearer <token>`. \
                        Long work answers 202 with the operation's id and Location; follow it with \
                        GET /api/v1/operations/{id} or the Server-Sent Events of /api/v1/operations/events. \
                        Errors are RFC 9457 problem documents."""))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("An API token")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }

    /** Adds "Roles: ..." to each description, the roles as an extension, and a curl line as its example. */
    @Bean
    GlobalOperationCustomizer rolesAndExample() {
        return (operation, handler) -> {
            ApiRoles roles = handler.getMethodAnnotation(ApiRoles.class);
            if (roles != null) {
                String text = "Roles: " + String.join(", ", roles.value());
                operation.setDescription(operation.getDescription() == null ? text : operation.getDescription() + "\n\n" + text);
                operation.addExtension(ROLES_EXTENSION, List.of(roles.value()));
            }
            return operation;
        };
    }

    /** A curl example per operation, added once the paths are known (a customizer sees no path). */
    @Bean
    org.springdoc.core.customizers.OpenApiCustomizer curlExamples() {
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean body = operation.getRequestBody() != null;
            String example = "curl -sS -X " + method + " -H \"Authorization: Bearer $TOKEN\""
                    + (body ? " -H 'Content-Type: application/json' -d @body.json" : "")
                    + " \"http://192.168.50.1" + path + "\"";
            operation.addExtension("x-codeSamples", List.of(Map.of("lang", "curl", "source", example)));
        }));
    }
}
