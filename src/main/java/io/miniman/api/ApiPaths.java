package io.miniman.api;

/** Where the API lives; controllers map under {@link #V1}. */
public final class ApiPaths {

    public static final String V1 = "/api/v1";
    public static final String OPERATIONS = V1 + "/operations";
    public static final String IMAGE_BUILD = V1 + "/images/build";
    /** The one upload endpoint: a backup (the raw archive as the body) to check before restoring it. */
    public static final String BACKUP_UPLOAD = V1 + "/backups/restore";
    public static final String OPENAPI = V1 + "/openapi.json";

    private ApiPaths() {
    }
}
