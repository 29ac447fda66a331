package io.miniman.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every API route Spring MVC has registered, read from its handler mapping (not from a list kept by hand). */
public record ApiRoutes(String method, String path, String contentType, HandlerMethod handler) {

    public static List<ApiRoutes> all(ApplicationContext context) {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<ApiRoutes> routes = new ArrayList<>();
        mapping.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            // springdoc's own document routes are not API endpoints
            if (!handler.getBeanType().getPackageName().startsWith("io.miniman")) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            String contentType = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                    .map(Object::toString).orElse("application/json");
            for (String path : info.getPatternValues()) {
                if (path.startsWith(ApiPaths.V1 + "/")) {
                    methods.forEach(m -> routes.add(new ApiRoutes(m.name(), path, contentType, handler)));
                }
            }
        });
        return routes;
    }

    /** The path with each variable filled in, e.g. {@code /api/v1/containers/x1/start}. */
    public String concretePath() {
        return path.replaceAll("\\{revision}|\\{id}", "1").replaceAll("\\{verb}", "up").replaceAll("\\{[^}]+}", "x1");
    }

    public Set<String> roles() {
        ApiRoles roles = handler.getMethodAnnotation(ApiRoles.class);
        return roles == null ? Set.of() : Set.of(roles.value());
    }
}
