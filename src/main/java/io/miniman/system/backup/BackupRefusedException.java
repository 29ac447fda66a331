package io.miniman.system.backup;

/** An archive that is not restored, with the reason the admin reads; nothing was changed. */
public class BackupRefusedException extends RuntimeException {

    public BackupRefusedException(String message) {
        super(message);
    }

    public BackupRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
