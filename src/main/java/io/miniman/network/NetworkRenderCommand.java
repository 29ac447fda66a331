package io.miniman.network;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.miniman.CliVerb;
import io.miniman.host.HostFiles;
import io.miniman.network.render.NetworkFiles;
import io.miniman.network.render.RenderedFile;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.store.NetworkSettingsStore;
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
        return "render --root DIR (write the access point files from the stored settings, or the defaults)";
    }

    @Override
    public int run(String[] args) {
        Optional<Path> root = parseRoot(args);
        if (root.isEmpty()) {
            System.err.println("usage: " + usage());
            return 2;
        }
        boolean fresh = store.stored().isEmpty();
        NetworkSettings settings = store.current();
        HostFiles target = new HostFiles(root.get());
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
        if (fresh) {
            // shown once, to whoever provisions the box: it is the only way to join the new WiFi
            out.println("WiFi '" + settings.wifi().ssid() + "' passphrase: " + settings.wifi().passphrase());
        }
        return 0;
    }

    private static Optional<Path> parseRoot(String[] args) {
        if (args.length == 2 && args[0].equals("--root") && !args[1].isBlank()) {
            return Optional.of(Path.of(args[1]));
        }
        if (args.length == 1 && args[0].startsWith("--root=") && args[0].length() > "--root=".length()) {
            return Optional.of(Path.of(args[0].substring("--root=".length())));
        }
        return Optional.empty();
    }
}
