package io.miniman.api;

import java.util.regex.Pattern;

/**
 * Ids and names in API paths. Engine names never hold anything else, and an id is pasted into the engine's
 * own URLs ({@code /volumes/NAME}): a path id with other characters is refused as "not found" before
 * anything is asked.
 */
public final class PathIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");

    private PathIds() {
    }

    public static String check(String id, String what) {
        if (id == null || !ID.matcher(id).matches() || id.contains("..")) {
            throw ApiException.notFound(what + " " + (id == null ? "" : id.length() > 40 ? id.substring(0, 40) + "…" : id));
        }
        return id;
    }
}
