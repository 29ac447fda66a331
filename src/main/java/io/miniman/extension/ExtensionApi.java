package io.miniman.extension;

/**
 * The version of this package an extension is built against, declared in its descriptor
 * ({@code META-INF/miniman-extension.properties}, key {@code api-version}). The console loads only
 * extensions declaring the version it provides: a changed signature here means a new version.
 */
public final class ExtensionApi {

    public static final int VERSION = 1;

    /** Where an extension's descriptor lives in its jar. */
    public static final String DESCRIPTOR = "META-INF/miniman-extension.properties";

    /** Every extension route is registered under this path segment, and listed in the Extensions section. */
    public static final String ROUTE_PREFIX = "extensions";

    private ExtensionApi() {
    }
}
