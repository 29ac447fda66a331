package io.miniman.network.apply;

import java.util.List;
import java.util.Optional;

import io.miniman.host.HostFiles;
import io.miniman.host.PrivilegedHelper;
import io.miniman.host.PrivilegedHelper.Outcome;
import io.miniman.network.render.ManagedFile;
import org.springframework.stereotype.Component;

/**
 * Managed files and service steps on this machine. On the box (the helper installed and the host root
 * is where the helper writes) everything goes through the helper, since /etc is root's; anywhere else
 * files are written under the host root and the service steps are skipped, with the reason.
 */
@Component
class HostFileAccess {

    private final HostFiles hostFiles;
    private final PrivilegedHelper helper;

    HostFileAccess(HostFiles hostFiles, PrivilegedHelper helper) {
        this.hostFiles = hostFiles;
        this.helper = helper;
    }

    private Optional<String> helperUnusable() {
        if (!helper.installed()) {
            return Optional.of("helper not installed");
        }
        if (!helper.root().equals(hostFiles.root())) {
            return Optional.of("host root " + hostFiles.root() + " is not the helper's " + helper.root());
        }
        return Optional.empty();
    }

    Optional<byte[]> read(ManagedFile file) {
        return helperUnusable().isEmpty() ? helper.read(file.devicePath()) : hostFiles.read(file.devicePath());
    }

    void write(ManagedFile file, byte[] content) {
        if (helperUnusable().isPresent()) {
            hostFiles.writeAtomically(file.devicePath(), content, file.permissions());
            return;
        }
        requireDone(helper.install(file.devicePath(), content), "install " + file.devicePath());
    }

    void remove(ManagedFile file) {
        if (helperUnusable().isPresent()) {
            hostFiles.delete(file.devicePath());
            return;
        }
        requireDone(helper.remove(file.devicePath()), "remove " + file.devicePath());
    }

    /** Makes a service pick up its files; Skipped when there is no helper to do it. */
    Outcome activate(Activation activation) {
        Optional<String> unusable = helperUnusable();
        if (unusable.isPresent()) {
            return new Outcome.Skipped(unusable.get());
        }
        List<String> command = activation.helperCommand();
        return helper.verb(command.get(0), command.subList(1, command.size()).toArray(String[]::new));
    }

    private static void requireDone(Outcome outcome, String what) {
        if (!(outcome instanceof Outcome.Done)) {
            throw new IllegalStateException(what + ": " + outcome.describe());
        }
    }
}
