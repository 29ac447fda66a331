package io.miniman.network;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import io.miniman.CliVerb;
import io.miniman.host.HostFiles;
import io.miniman.network.render.NetworkFiles;
import io.miniman.network.render.RenderedFile;
import io.miniman.network.settings.InitialPassphrase;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.store.NetworkSettingsStore;
import jakarta.validation.ConstraintViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code render --root DIR}: provisioning's way to lay down the access point files, from the same
 * renderers the console applies with, so there is no second copy of the templates in bash.
 */
@Component
class NetworkRenderCommand implements CliVerb {

    private final NetworkSettingsStore store;
    private final HostFiles hostFiles;
    private final PrintStream out;

    @Autowired
    NetworkRenderCommand(NetworkSettingsStore store, HostFiles hostFiles) {
        this(store, hostFiles, System.out);
    }

    NetworkRenderCommand(NetworkSettingsStore store, HostFiles hostFiles, PrintStream out) {
        this.store = store;
        this.hostFiles = hostFiles;
        this.out = out;
    }

    @Override
    public String name() {
        return "render";
    }

    @Override
    public String usage() {
        return RenderOptions.USAGE;
    }

    @Override
    public int run(String[] args) {
        Optional<RenderOptions> parsed = RenderOptions.parse(args);
        if (parsed.isEmpty()) {
            System.err.println("usage: " + usage());
            return 2;
        }
        RenderOptions options = parsed.get();
        boolean fresh = store.stored().isEmpty();
        if (!fresh && options.seedsSettings()) {
            out.println("settings are already stored: the WiFi and interface options apply to a first render only"
                    + " (change them in the console)");
        }
        Optional<String> given;
        try {
            given = fresh ? options.passphrase() : Optional.empty();
        } catch (IOException e) {
            System.err.println("render: cannot read the passphrase file: " + e.getMessage());
            return 2;
        }
        String passphrase = given.orElseGet(InitialPassphrase::generate);
        NetworkSettings settings;
        try {
            settings = store.currentOrSeed(() -> options.firstSettings(passphrase));
        } catch (ConstraintViolationException e) {
            e.getConstraintViolations().forEach(violation ->
                    System.err.println("render: " + violation.getPropertyPath() + ": " + violation.getMessage()));
            return 2;
        }
        HostFiles target = new HostFiles(options.root());
        // only files at the console's own host root are the ones it will later check for hand edits
        boolean ownRoot = target.root().equals(hostFiles.root());
        List<RenderedFile> files = NetworkFiles.render(settings);
        for (RenderedFile file : files) {
            target.writeAtomically(file.file().devicePath(), file.bytes(), file.file().permissions());
            if (ownRoot) {
                store.recordWritten(file.file().devicePath(), file.content());
            }
            out.println("wrote " + target.resolve(file.file().devicePath()));
        }
        if (fresh && given.isEmpty()) {
            // shown once, to whoever provisions the box: it is the only way to join the new WiFi
            out.println("WiFi '" + settings.wifi().ssid() + "' passphrase: " + passphrase);
        }
        return 0;
    }
}
