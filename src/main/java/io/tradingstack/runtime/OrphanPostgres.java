package io.tradingstack.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL left running on our data directory by a process that died without stopping it
 * (kill -9 of the JVM alone). Its postmaster.pid names it; we stop it (SIGTERM: its clients died
 * with the JVM, so the shutdown is quick; SIGKILL after a bound) and say so in one line. A pid file
 * whose process is gone, or that now names an unrelated process, is just removed.
 */
final class OrphanPostgres {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanPostgres.class);
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final String LOCK = "epg-lock";

    private OrphanPostgres() {
    }

    /**
     * Clears the way for a new server on {@code dir}; blocking, bounded by about twice {@link #GRACE}.
     * A server whose owner is alive is never touched: the owner holds the data directory's lock file
     * (zonky's {@value #LOCK}), so when that lock cannot be taken the directory is in use and start-up
     * stops with that reason instead.
     */
    static void clear(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Path lockFile = dir.resolve(LOCK);
        if (!Files.exists(lockFile)) {
            clearUnlocked(dir, pidFile);
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IOException(dir + " is in use by another running process (its PostgreSQL is alive and owned);"
                        + " stop that process first");
            }
            clearUnlocked(dir, pidFile);
        } catch (OverlappingFileLockException sameJvm) {
            throw new IOException(dir + " is already in use by this process");
        }
    }

    private static void clearUnlocked(Path dir, Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> owner = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        if (owner.isPresent() && owner.get().isAlive() && isPostgresOn(owner.get(), dir)) {
            stop(owner.get(), dir, lines.size() > 3 ? lines.get(3).trim() : "?");
        } else {
            LOG.info("Removed a stale postmaster.pid in {} (its process is gone)", dir);
        }
        Files.deleteIfExists(pidFile);
    }

    private static void stop(ProcessHandle postmaster, Path dir, String port) throws IOException {
        long t0 = System.nanoTime();
        postmaster.destroy();
        boolean stopped = waitFor(postmaster, GRACE);
        String how = "stopped";
        if (!stopped) {
            postmaster.destroyForcibly();
            stopped = waitFor(postmaster, GRACE);
            how = "killed";
        }
        if (!stopped) {
            throw new IOException("a PostgreSQL (pid " + postmaster.pid() + ") still runs on " + dir
                    + " and could not be stopped; stop it and start again");
        }
        LOG.warn("Found PostgreSQL pid {} (port {}) left running on {} by a process that died; {} it in {} ms",
                postmaster.pid(), port, dir, how, (System.nanoTime() - t0) / 1_000_000);
    }

    private static boolean waitFor(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Guards against pid reuse: the process must be a postgres whose command line names this directory. */
    static boolean isPostgresOn(ProcessHandle process, Path dir) {
        String cmd = process.info().commandLine().orElse("");
        if (cmd.isEmpty()) {
            cmd = readCmdline(process.pid());
        }
        return cmd.contains("postgres") && cmd.contains(dir.toAbsolutePath().toString());
    }

    private static String readCmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"))).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
