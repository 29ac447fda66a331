package io.miniman.operation.alert;

/** A file to attach to a mail (a report's CSV). */
public record MailAttachment(String filename, String contentType, byte[] content) {
}
