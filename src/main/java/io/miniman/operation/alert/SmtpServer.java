package io.miniman.operation.alert;

/** An SMTP server as typed: {@code host} or {@code host:port}; 587 (submission with STARTTLS) by default. */
record SmtpServer(String host, int port) {

    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})");

    static SmtpServer parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is required: the SMTP server as host or host:port");
        }
        String host = text.trim();
        int port = 587;
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            try {
                port = Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port after ':' must be a number");
            }
            host = host.substring(0, colon);
        }
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("is not a host name or address: use host or host:port");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535");
        }
        return new SmtpServer(host, port);
    }
}
