package io.miniman.api;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import io.miniman.security.CurrentUser;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Refuses an API call whose role is not in the handler's {@link ApiRoles}; a handler without one is refused to all. */
final class ApiRolesInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // a finished SSE stream is dispatched once more without the token's identity: its request was checked
        if (request.getDispatcherType() == DispatcherType.ASYNC || !(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().startsWith("io.miniman")) {
            return true;
        }
        ApiRoles roles = method.getMethodAnnotation(ApiRoles.class);
        if (roles == null || !CurrentUser.hasAnyRole(roles.value())) {
            throw new AccessDeniedException("role not allowed");
        }
        return true;
    }
}
