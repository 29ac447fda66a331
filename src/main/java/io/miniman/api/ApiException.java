package io.miniman.api;

import org.springframework.http.HttpStatus;

/** A refusal a controller decides itself: no such thing (404) or a busy target (409). */
public class ApiException extends RuntimeException {

    private final HttpStatus status;

    public ApiException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "No such " + what);
    }

    public static ApiException busy(String what) {
        return new ApiException(HttpStatus.CONFLICT, what + " is busy with another operation; try again when it has finished");
    }

    public HttpStatus status() {
        return status;
    }
}
