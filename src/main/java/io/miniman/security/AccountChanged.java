package io.miniman.security;

/**
 * A change to a user that the sessions signed in as that user must not outlive. Published inside the
 * change's transaction; listeners act after it commits, so a refused change ends nothing.
 *
 * @param passwordReplaced the old password no longer works
 * @param keepSessionId the session that made the change to its own account, which stays signed in; null for none
 */
record AccountChanged(String username, boolean passwordReplaced, String keepSessionId) {

    static AccountChanged of(String username) {
        return new AccountChanged(username, false, null);
    }
}
