package io.miniman.system.metrics;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Temperatures in °C by zone type from {@code SYS/class/thermal/thermal_zone*}; empty where the kernel has none (most VMs). */
final class ThermalZones {

    private final Path thermal;

    ThermalZones(Path sys) {
        this.thermal = sys.resolve("class/thermal");
    }

    Map<String, Double> read() {
        Map<String, Double> out = new TreeMap<>();
        if (!Files.isDirectory(thermal)) {
            return out;
        }
        try (DirectoryStream<Path> zones = Files.newDirectoryStream(thermal, "thermal_zone*")) {
            for (Path zone : zones) {
                try {
                    String type = Files.readString(zone.resolve("type")).strip();
                    double celsius = Long.parseLong(Files.readString(zone.resolve("temp")).strip()) / 1000.0;
                    // two zones of one type (two cpu sensors) stay apart under their directory's name
                    out.put(out.containsKey(type) ? type + " (" + zone.getFileName() + ")" : type, celsius);
                } catch (IOException | NumberFormatException e) {
                    // a zone whose sensor is off answers EINVAL or ENODATA: it has no figure this time
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
