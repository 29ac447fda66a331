package io.miniman.operation.export;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** An RFC 4180 reader written apart from {@link Csv}, so the export is checked by a parser that is not its mirror. */
final class CsvReader {

    private final Reader in;
    private int next;

    CsvReader(Reader in) throws IOException {
        this.in = in;
        this.next = in.read();
    }

    /** The next record, or null at the end. */
    List<String> record() throws IOException {
        if (next < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int c = next;
            next = in.read();
            if (quoted) {
                if (c < 0) {
                    throw new IOException("end of input inside a quoted field");
                }
                if (c == '"' && next == '"') {
                    field.append('"');
                    next = in.read();
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' && next == '\n') {
                next = in.read();
                fields.add(field.toString());
                return fields;
            } else if (c < 0) {
                fields.add(field.toString());
                return fields;
            } else if (c == '"' || c == '\r' || c == '\n') {
                throw new IOException("bare " + (char) c + " outside quotes after: " + field);
            } else {
                field.append((char) c);
            }
        }
    }
}
