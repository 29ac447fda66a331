package io.miniman.network.ui;

import java.util.Optional;

import com.vaadin.flow.server.VaadinRequest;
import io.miniman.network.apply.ClientContext;
import io.miniman.network.status.ClientService;

/** The admin's own address (behind nginx, the first X-Forwarded-For hop) and its leased MAC. */
final class ClientContexts {

    private ClientContexts() {
    }

    static ClientContext current(ClientService clients) {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null) {
            return ClientContext.unknown();
        }
        String address = request.getRemoteAddr() == null ? "" : request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        // only a proxy on the box itself is believed; anyone else could claim any address
        if (forwarded != null && !forwarded.isBlank() && (address.equals("127.0.0.1") || address.equals("::1"))) {
            address = forwarded.split(",")[0].strip();
        }
        return new ClientContext(address, address.isEmpty() ? Optional.empty() : clients.macOf(address));
    }
}
