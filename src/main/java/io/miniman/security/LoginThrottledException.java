package io.miniman.security;

import org.springframework.security.core.AuthenticationException;

/** Refused before the password was even checked: too many recent failures. */
public class LoginThrottledException extends AuthenticationException {

    public LoginThrottledException(String message) {
        super(message);
    }
}
