package io.jcoro.it.stress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What Linux says about the limits a many-connection test runs into: open files, the ephemeral
 * port range, the listen backlog cap, and how often a listen queue overflowed. Each reads -1
 * where {@code /proc} does not say.
 */
final class Kernel {
    private Kernel() {}

    /** This process's soft limit on open files ({@code ulimit -n}). */
    static long openFilesLimit() {
        for (String line : lines("/proc/self/limits")) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        return -1;
    }

    /** How many ephemeral ports a client may use ({@code net.ipv4.ip_local_port_range}). */
    static long ephemeralPorts() {
        List<String> range = lines("/proc/sys/net/ipv4/ip_local_port_range");
        if (range.isEmpty()) {
            return -1;
        }
        String[] bounds = range.get(0).trim().split("\\s+");
        return Long.parseLong(bounds[1]) - Long.parseLong(bounds[0]) + 1;
    }

    /** The cap the kernel puts on a listen backlog ({@code net.core.somaxconn}). */
    static long somaxconn() {
        List<String> value = lines("/proc/sys/net/core/somaxconn");
        return value.isEmpty() ? -1 : Long.parseLong(value.get(0).trim());
    }

    /**
     * {@code TcpExt ListenOverflows}: connections the kernel completed but could not queue
     * because a listen queue was full (for the whole network namespace, not only this process).
     */
    static long listenOverflows() {
        List<String> netstat = lines("/proc/net/netstat");
        for (int i = 0; i + 1 < netstat.size(); i++) {
            if (netstat.get(i).startsWith("TcpExt:") && netstat.get(i + 1).startsWith("TcpExt:")) {
                List<String> names = Arrays.asList(netstat.get(i).split("\\s+"));
                int at = names.indexOf("ListenOverflows");
                return at < 0 ? -1 : Long.parseLong(netstat.get(i + 1).split("\\s+")[at]);
            }
        }
        return -1;
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
