package io.miniman.box;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.miniman.host.CommandResult;
import io.miniman.host.CommandRunner;
import io.miniman.network.testsupport.ScratchNetns;

/**
 * A whole Debian 12 box in a container: systemd as PID 1, real apt, and a {@code wlan0} that is one end
 * of a veth whose other end sits in a "phone" namespace. The docker flags are the set that boots systemd
 * on this machine kind (cgroup v1, no CAP_SYS_RESOURCE in the bounding set); see ../shared/BOX-SIM.md.
 */
final class SimulatedBox implements AutoCloseable {

    private static final CommandRunner RUNNER = new CommandRunner();
    private static final Duration SHORT = Duration.ofSeconds(30);
    private static final String INSTALLER = "/root/miniman";

    private final String name;

    private SimulatedBox(String name) {
        this.name = name;
    }

    /** aptArchives: a host folder kept between runs as the box's apt cache, so a rerun downloads nothing. */
    static SimulatedBox boot(String image, String name, Path aptArchives) {
        RUNNER.run(List.of("docker", "rm", "-f", name), SHORT);
        must(List.of("docker", "run", "-d", "--name", name, "--hostname", "miniman",
                "-v", aptArchives + ":/var/cache/apt/archives",
                "--cap-add", "ALL", "--cap-drop", "SYS_RESOURCE",
                "--security-opt", "seccomp=unconfined", "--security-opt", "systempaths=unconfined",
                "--device-cgroup-rule", "a *:* rwm", "--cgroupns=private",
                "--tmpfs", "/run", "--tmpfs", "/run/lock", "--tmpfs", "/tmp",
                "-e", "container=docker", "--stop-signal", "SIGRTMIN+3", image, "/sbin/init"), SHORT);
        SimulatedBox box = new SimulatedBox(name);
        box.awaitBooted();
        return box;
    }

    /** Polls systemd until the boot is over; "degraded" counts (hostapd has no radio here). */
    String awaitBooted() {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            state = run("systemctl", "is-system-running").stdout().strip();
            if (state.equals("running") || state.equals("degraded")) {
                return state;
            }
            sleep(250);
        }
        throw new AssertionError("the box did not finish booting: " + state + "\n"
                + run("systemctl", "list-jobs", "--no-pager").stdout());
    }

    /**
     * Gives the box its "radio": a veth whose box end is renamed wlan0, the other end in the phone's
     * namespace. A restart of the container loses it, as a USB radio would be unplugged.
     */
    void wireWlan0(ScratchNetns phone) {
        String pid = must(List.of("docker", "inspect", "-f", "{{.State.Pid}}", name), SHORT).stdout().strip();
        String boxEnd = ScratchNetns.uniqueIfname("mmb");
        String phoneEnd = ScratchNetns.uniqueIfname("mmp");
        must(List.of("ip", "link", "add", boxEnd, "type", "veth", "peer", "name", phoneEnd), SHORT);
        must(List.of("ip", "link", "set", phoneEnd, "netns", phone.name()), SHORT);
        must(List.of("ip", "link", "set", boxEnd, "netns", pid), SHORT);
        must(List.of("nsenter", "-t", pid, "-n", "ip", "link", "set", boxEnd, "name", "wlan0"), SHORT);
        must(List.of("nsenter", "-t", pid, "-n", "ip", "link", "set", "wlan0", "up"), SHORT);
        phone.exec("ip", "link", "set", phoneEnd, "name", "eth0");
        phone.exec("ip", "link", "set", "eth0", "up");
    }

    /** The box's address on Docker's bridge: its uplink, as the host sees it. */
    String uplinkAddress() {
        return must(List.of("docker", "inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}",
                name), SHORT).stdout().strip();
    }

    /** The repository's provisioning folder and the built jar, where {@link #install} runs them from. */
    void copyInstallerIn(Path provisioning, Path jar) {
        exec("mkdir", "-p", INSTALLER);
        copyIn(provisioning, INSTALLER + "/provisioning");
        copyIn(jar, INSTALLER + "/miniman.jar");
    }

    /** install.sh as the README says, without a radio check (the veth is no radio), plus extra options. */
    CommandResult install(String... extra) {
        List<String> argv = new ArrayList<>(List.of(INSTALLER + "/provisioning/install.sh", "--yes", "--jar",
                INSTALLER + "/miniman.jar", "--no-wifi-check"));
        argv.addAll(List.of(extra));
        return run(Duration.ofMinutes(25), argv.toArray(String[]::new));
    }

    /** sha256sum of every file the console manages, as the helper lists them. */
    String managedFileSums() {
        List<String> argv = new ArrayList<>(List.of("sha256sum"));
        argv.addAll(exec("/usr/local/sbin/miniman-helper", "paths").stdout().lines().toList());
        return exec(argv.toArray(String[]::new)).stdout();
    }

    /** A file of the box to the host, byte for byte. */
    void copyOut(String from, Path to) {
        must(List.of("docker", "cp", name + ":" + from, to.toString()), Duration.ofMinutes(2));
    }

    private void copyIn(Path from, String to) {
        must(List.of("docker", "cp", from.toString(), name + ":" + to), Duration.ofMinutes(2));
    }

    CommandResult run(String... argv) {
        return run(Duration.ofMinutes(1), argv);
    }

    CommandResult run(Duration timeout, String... argv) {
        List<String> command = new ArrayList<>(List.of("docker", "exec", name));
        command.addAll(List.of(argv));
        return RUNNER.run(command, timeout);
    }

    /** With standard input, as {@code docker exec -i}. */
    CommandResult runWithInput(byte[] stdin, String... argv) {
        List<String> command = new ArrayList<>(List.of("docker", "exec", "-i", name));
        command.addAll(List.of(argv));
        return RUNNER.run(command, Duration.ofMinutes(1), stdin);
    }

    /** Runs in the box and fails the test when the command fails. */
    CommandResult exec(String... argv) {
        CommandResult result = run(argv);
        if (!result.ok()) {
            throw new AssertionError(String.join(" ", argv) + " in the box: " + result.failureText());
        }
        return result;
    }

    void restart() {
        must(List.of("docker", "restart", "-t", "20", name), Duration.ofMinutes(1));
    }

    @Override
    public void close() {
        RUNNER.run(List.of("docker", "rm", "-f", name), SHORT);
    }

    static CommandResult must(List<String> argv, Duration timeout) {
        CommandResult result = RUNNER.run(argv, timeout);
        if (!result.ok()) {
            throw new AssertionError(String.join(" ", argv) + ": " + result.failureText());
        }
        return result;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
