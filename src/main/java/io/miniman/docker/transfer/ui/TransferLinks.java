package io.miniman.docker.transfer.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;
import java.util.function.Supplier;

import com.vaadin.flow.server.streams.DownloadHandler;

import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationUpdate;

/**
 * Downloads that stream: the operation writes straight into the response while the request waits
 * for it, so a 1 GB archive never sits in the heap or on a disk of the box.
 */
public final class TransferLinks {

    private TransferLinks() {
    }

    /** {@code start} submits the operation that writes to the given stream. */
    public static DownloadHandler download(Supplier<String> fileName, String contentType,
            Function<OutputStream, OperationHandle> start) {
        return event -> {
            event.setFileName(fileName.get());
            event.setContentType(contentType);
            OutputStream out = event.getOutputStream();
            OperationUpdate update = start.apply(out).completion().join();
            if (update.status() != OperationStatus.COMPLETED) {
                // the browser sees a broken download; the reason is in the operation log
                throw new IOException(update.errorMessage());
            }
        };
    }
}
