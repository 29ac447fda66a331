package io.miniman.operation.ui;

import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;

import io.miniman.operation.OperationFilter;
import io.miniman.operation.OperationReader;
import io.miniman.operation.export.ExportFormat;
import io.miniman.operation.export.OperationExport;

/**
 * Downloads of the filtered log. The filter is read when the view changes it (not in the download's
 * request, which runs outside the UI's lock); rows stream into the response as they are read.
 */
class ExportLinks extends Composite<HorizontalLayout> {

    private final OperationExport export;
    private final Optional<OperationReader> reader;
    private final Anchor csv = new Anchor();
    private final Anchor jsonLines = new Anchor();

    ExportLinks(OperationExport export, Optional<OperationReader> reader) {
        this.export = export;
        this.reader = reader;
        csv.setText("Export CSV");
        jsonLines.setText("Export JSON Lines");
        getContent().add(csv, jsonLines);
        getContent().setSpacing(true);
    }

    void follow(Supplier<OperationFilter> filter) {
        OperationFilter now = filter.get();
        csv.setHref(handler(now, ExportFormat.CSV));
        jsonLines.setHref(handler(now, ExportFormat.JSON_LINES));
    }

    private DownloadHandler handler(OperationFilter filter, ExportFormat format) {
        return event -> {
            event.setFileName(export.fileName(format));
            event.setContentType(format.contentType());
            export.write(filter, format, reader, event.getOutputStream());
        };
    }
}
