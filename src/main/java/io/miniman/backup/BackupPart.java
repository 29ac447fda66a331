package io.miniman.backup;

import java.util.Map;

/**
 * One kind of content in a backup archive, implemented by the feature that owns it and found as a Spring
 * bean: a new feature adds a bean, and the archive writer, reader and restore page take it up without a
 * change. Its entries live under {@code <name>/} in the archive; the reader has already checked their
 * names, sizes and checksums when {@link #preview} or {@link #restore} sees them.
 *
 * <p>This interface and its records live outside every feature package on purpose: features depend on it,
 * and the backup engine ({@code io.miniman.system.backup}) depends on features, so neither forms a cycle.
 */
public interface BackupPart {

    /** The folder of this part's entries in the archive: lower-case letters, digits and '-'. Never renamed. */
    String name();

    /** What people read ("Network settings"). */
    String title();

    /** The version of this part's entry layout, written to the manifest; raise it when the layout changes. */
    default int version() {
        return 1;
    }

    /**
     * Rewrites entries written by an older version of this part into today's layout. Called only with
     * {@code fromVersion < version()}; the default refuses, which is right until a part changes its layout.
     */
    default Map<String, byte[]> migrate(int fromVersion, Map<String, byte[]> entries) {
        throw new IllegalArgumentException(title() + " of version " + fromVersion + " cannot be read by this console");
    }

    /** Parts restored first have the lower order; the network goes last, as it waits for "keep". */
    default int restoreOrder() {
        return 100;
    }

    /** A part the admin may leave out of a download (the user accounts). */
    default boolean optional() {
        return false;
    }

    /** The current state as entries (file name inside the part, bytes); empty when there is nothing to keep. */
    Map<String, byte[]> export();

    /** What a restore of these entries would change, changing nothing; throws IllegalArgumentException on content it refuses. */
    PartPreview preview(Map<String, byte[]> entries);

    /**
     * Puts these entries in place, after a preview of the same entries succeeded and every choice it asked
     * for is answered. Returns what was done, in one line; throws when it could not be done.
     */
    String restore(Map<String, byte[]> entries, RestoreContext context);
}
