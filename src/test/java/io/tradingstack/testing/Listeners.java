package io.tradingstack.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What a process tree listens on, read from /proc like {@code ss -ltnp} does. */
public final class Listeners {
    private Listeners() {
    }

    /** "address:port" of every TCP socket in LISTEN state owned by the process or its descendants. */
    public static List<String> of(ProcessHandle root) throws IOException {
        Set<String> inodes = new HashSet<>();
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        for (ProcessHandle ph : tree) {
            Path fds = Path.of("/proc", String.valueOf(ph.pid()), "fd");
            try (Stream<Path> links = Files.list(fds)) {
                for (Path fd : links.toList()) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (IOException gone) {
                        // fd closed meanwhile
                    }
                }
            } catch (IOException gone) {
                // process ended meanwhile
            }
        }
        List<String> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            // read once: the table changes between two reads when other processes open sockets
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) {
                    out.add(decode(f[1]));
                }
            }
        }
        return out;
    }

    /** "address:port" of every UDP socket bound by the process or its descendants. */
    public static List<String> udp(ProcessHandle root) throws IOException {
        Set<String> inodes = socketInodes(root);
        List<String> out = new ArrayList<>();
        for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (inodes.contains(f[9])) {
                    out.add(decode(f[1]));
                }
            }
        }
        return out;
    }

    private static Set<String> socketInodes(ProcessHandle root) {
        Set<String> inodes = new HashSet<>();
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        for (ProcessHandle ph : tree) {
            try (Stream<Path> links = Files.list(Path.of("/proc", String.valueOf(ph.pid()), "fd"))) {
                for (Path fd : links.toList()) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (IOException gone) {
                        // fd closed meanwhile
                    }
                }
            } catch (IOException gone) {
                // process ended meanwhile
            }
        }
        return inodes;
    }

    public static boolean isLoopback(String addressAndPort) {
        return addressAndPort.startsWith("127.") || addressAndPort.startsWith("[::1]");
    }

    private static String decode(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String a = parts[0];
        if (a.length() == 8) {
            return Integer.parseInt(a.substring(6, 8), 16) + "." + Integer.parseInt(a.substring(4, 6), 16) + "."
                    + Integer.parseInt(a.substring(2, 4), 16) + "." + Integer.parseInt(a.substring(0, 2), 16) + ":" + port;
        }
        if (a.equals("00000000000000000000000001000000")) {
            return "[::1]:" + port;
        }
        if (a.startsWith("0000000000000000FFFF0000")) {
            String v4 = a.substring(24);
            return Integer.parseInt(v4.substring(6, 8), 16) + "." + Integer.parseInt(v4.substring(4, 6), 16) + "."
                    + Integer.parseInt(v4.substring(2, 4), 16) + "." + Integer.parseInt(v4.substring(0, 2), 16) + ":" + port;
        }
        return "[" + a + "]:" + port;
    }
}
