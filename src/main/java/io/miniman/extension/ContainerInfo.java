package io.miniman.extension;

/** One container as an extension sees it. state is Docker's word: running, exited, paused, ... */
public record ContainerInfo(String id, String name, String image, String state, String status) {

    public boolean running() {
        return "running".equals(state);
    }
}
