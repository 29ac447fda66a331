package io.miniman.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** RFC 9457 problem documents, for the advice and for the filters that answer before any controller. */
public final class Problems {

    /** One bad input: the record's property path as Bean Validation names it, and what is wrong. */
    public record FieldError(String field, String message) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        return problem;
    }

    public static ProblemDetail invalid(String detail, List<FieldError> errors, HttpServletRequest request) {
        ProblemDetail problem = of(HttpStatus.UNPROCESSABLE_ENTITY, detail, request);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Writes a problem straight to the response: for filters, which run before Spring MVC. */
    static void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String detail,
            Map<String, String> headers) throws IOException {
        ProblemDetail problem = of(status, detail, request);
        response.setStatus(status.value());
        headers.forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), Map.of("type", String.valueOf(problem.getType()),
                "title", problem.getTitle(), "status", problem.getStatus(), "detail", problem.getDetail(),
                "instance", String.valueOf(problem.getInstance())));
    }
}
