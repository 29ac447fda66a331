package io.miniman.docker.image;

/** Credentials for a private registry; the password never reaches a log (see ImageActions). */
public record RegistryAuth(String username, String password, String serverAddress) {

    @Override
    public String toString() {
        return "RegistryAuth[" + username + "@" + serverAddress + "]";
    }
}
