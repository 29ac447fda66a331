package io.miniman.operation.forward;

import java.io.Closeable;
import java.io.IOException;

/** One destination's wire format. Not thread-safe: each target's queue has one worker. */
interface EventSender extends Closeable {

    void send(ForwardEvent event) throws IOException;

    @Override
    void close();
}
