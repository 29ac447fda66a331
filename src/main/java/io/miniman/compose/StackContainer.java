package io.miniman.compose;

/** One container of a stack, as the engine lists it; {@code id} links to the container's own page. */
public record StackContainer(String id, String name, String service, String image, String state, String status) {

    public boolean running() {
        return "running".equals(state);
    }
}
