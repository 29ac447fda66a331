package io.miniman.api;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.miniman.InvalidInputException;
import io.miniman.api.Problems.FieldError;
import io.miniman.docker.DockerFailure;
import io.miniman.docker.security.NotAllowedForRole;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

/**
 * Every API error as an RFC 9457 problem document. Validation errors carry a field list built from the
 * same Bean Validation annotations the forms use; an engine refusal keeps the engine's words.
 */
// for every handler, and for requests no handler matched (an unknown method or body type gets its 405 or 415 here)
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        return answer(Problems.of(e.status(), e.getMessage(), request));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> violations(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field)).toList();
        return answer(Problems.invalid("The input is not valid", errors, request));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
        return answer(Problems.invalid(e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())), request));
    }

    @ExceptionHandler(NotAllowedForRole.class)
    ResponseEntity<ProblemDetail> notAllowed(NotAllowedForRole e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, e.getMessage(), request);
        problem.setProperty("errors", e.refusals().stream().map(r -> new FieldError(r.path(), r.message())).toList());
        return answer(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return answer(Problems.of(HttpStatus.FORBIDDEN, "Your role may not do this", request));
    }

    @ExceptionHandler(DockerFailure.class)
    ResponseEntity<ProblemDetail> docker(DockerFailure e, HttpServletRequest request) {
        HttpStatus status = switch (e.status()) {
            case 404 -> HttpStatus.NOT_FOUND;
            case 409 -> HttpStatus.CONFLICT;
            case 400 -> HttpStatus.UNPROCESSABLE_ENTITY;
            case 0 -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_GATEWAY;
        };
        return answer(Problems.of(status, e.getMessage(), request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith("/api/")) {
            // the console's own pages (Vaadin, forwarded through Spring MVC) keep their error handling
            throw e;
        }
        log.warn("API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "The console could not complete the request", request));
    }

    /** Not JSON answers 400; well-formed JSON with a field no record has answers 422, naming it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            String field = unknown.getPath().stream().map(ref -> ref.getFieldName() == null ? "[" + ref.getIndex() + "]"
                    : ref.getFieldName()).reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(unknown.getPropertyName());
            return widen(answer(Problems.invalid("Unknown field: " + field,
                    List.of(new FieldError(field, "is not a field of this request")), servlet)));
        }
        if (BodyLimitFilter.tooLarge(e)) {
            return widen(answer(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large", servlet)));
        }
        return widen(answer(Problems.of(HttpStatus.BAD_REQUEST, "The request body is not the JSON this endpoint takes", servlet)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage())).toList();
        return widen(answer(Problems.invalid("The input is not valid", errors, servlet(request))));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage()))).toList();
        return widen(answer(Problems.invalid("The input is not valid", errors, servlet(request))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return answer(Problems.invalid("Bad value for " + e.getName(),
                List.of(new FieldError(e.getName(), "is not a valid value")), request));
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return request instanceof org.springframework.web.context.request.ServletWebRequest s ? s.getRequest() : null;
    }
}
