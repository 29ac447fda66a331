package io.miniman.security;

/** A new token with its value, which is shown this once and never stored. */
public record CreatedApiToken(ApiTokenSummary token, String value) {

    /** Without the value: a record's default text would print it wherever the record is logged. */
    @Override
    public String toString() {
        return "CreatedApiToken[" + token + "]";
    }
}
