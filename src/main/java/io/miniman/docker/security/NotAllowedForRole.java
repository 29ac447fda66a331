package io.miniman.docker.security;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;

/**
 * A spec asks for something only an admin may do. An {@link AccessDeniedException}, so the REST API
 * answers 403; each refusal names the property it concerns, so a form can put it beside its field.
 */
public class NotAllowedForRole extends AccessDeniedException {

    /** @param path the spec's property, as Bean Validation would name it ("mounts[0].source") */
    public record Refusal(String path, String message) {
    }

    private final transient List<Refusal> refusals;

    public NotAllowedForRole(List<Refusal> refusals) {
        super(refusals.stream().map(Refusal::message).collect(Collectors.joining("; ")));
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
