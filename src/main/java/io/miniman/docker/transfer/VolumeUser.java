package io.miniman.docker.transfer;

/** A container that mounts a volume; {@code state} as the engine says ("running", "paused", "exited"). */
public record VolumeUser(String id, String name, String state) {

    public boolean running() {
        return "running".equals(state) || "paused".equals(state);
    }
}
