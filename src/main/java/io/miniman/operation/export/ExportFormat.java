package io.miniman.operation.export;

/** The two shapes of an exported log: a spreadsheet's and a log shipper's. */
public enum ExportFormat {
    CSV("text/csv; charset=utf-8", "csv", "CSV"),
    JSON_LINES("application/x-ndjson; charset=utf-8", "jsonl", "JSON Lines");

    private final String contentType;
    private final String extension;
    private final String label;

    ExportFormat(String contentType, String extension, String label) {
        this.contentType = contentType;
        this.extension = extension;
        this.label = label;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public String label() {
        return label;
    }
}
