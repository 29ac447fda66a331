package io.miniman.network.settings;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * The access point's first passphrase. A literal default shared by every box is exactly what lets a
 * neighbour join; a random one is stored with the first settings and shown once by provisioning.
 */
public final class InitialPassphrase {

    // no 0/O, 1/l/I: it is read off a screen and typed on a phone
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int GROUPS = 3;
    private static final int GROUP_LENGTH = 4;

    private InitialPassphrase() {
    }

    public static String generate() {
        return generate(new SecureRandom());
    }

    static String generate(RandomGenerator random) {
        StringBuilder out = new StringBuilder();
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                out.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return out.toString();
    }
}
