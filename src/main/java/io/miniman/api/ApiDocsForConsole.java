package io.miniman.api;

import java.util.Locale;
import java.util.Map;

import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springdoc.webmvc.ui.SwaggerConfigResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The OpenAPI document and Swagger UI's settings for the console's own Swagger UI, which a signed-in admin
 * opens with the session cookie. The API paths take only tokens, so the UI reads the same document here,
 * behind the console's login and its ADMIN rule (see SecurityConfig).
 */
@RestController
@Hidden
class ApiDocsForConsole {

    static final String DOCUMENT = "/swagger-ui/openapi.json";
    static final String SETTINGS = "/swagger-ui/settings.json";

    private final OpenApiWebMvcResource documents;
    private final SwaggerConfigResource settings;

    ApiDocsForConsole(OpenApiWebMvcResource documents, SwaggerConfigResource settings) {
        this.documents = documents;
        this.settings = settings;
    }

    @GetMapping(path = DOCUMENT, produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] document(HttpServletRequest request, Locale locale) throws Exception {
        return documents.openapiJson(request, ApiPaths.OPENAPI, locale);
    }

    @GetMapping(path = SETTINGS, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> settings(HttpServletRequest request) {
        return settings.openapiJson(request);
    }
}
