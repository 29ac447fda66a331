package io.miniman.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an endpoint: checked before the handler runs ({@link ApiRolesInterceptor}) and
 * written into the OpenAPI document. Every API handler has one; the services behind keep their own checks.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiRoles {
    String[] value();
}
