package dev.flywheel.backend.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on, from /proc and the JVM. */
record Machine(int cores, String memory, String cpu, String jdk, String os) {

    static Machine describe() {
        String cpu = field(Path.of("/proc/cpuinfo"), "model name", ':');
        String memKb = field(Path.of("/proc/meminfo"), "MemTotal", ':').replaceAll("[^0-9]", "");
        String memory = memKb.isEmpty() ? "unknown" : String.format("%.1f GiB", Long.parseLong(memKb) / 1024.0 / 1024.0);
        String pretty = field(Path.of("/etc/os-release"), "PRETTY_NAME", '=').replace("\"", "");
        String os = (pretty.isEmpty() ? System.getProperty("os.name") : pretty) + ", kernel " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch");
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vm.vendor") + ")";
        return new Machine(Runtime.getRuntime().availableProcessors(), memory, cpu, jdk, os);
    }

    /** The 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    private static String field(Path file, String key, char separator) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                int sep = line.indexOf(separator);
                if (sep > 0 && line.substring(0, sep).trim().equals(key)) {
                    return line.substring(sep + 1).trim();
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }
}
