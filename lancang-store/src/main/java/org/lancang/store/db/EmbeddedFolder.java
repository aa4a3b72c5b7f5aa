package org.lancang.store.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The embedded database's folder and who is using it. A running Lancang holds the folder's lock file; a PostgreSQL
 * server whose Lancang was killed keeps running without it (an orphan), and must be stopped before the folder is used
 * again, so that no two writers ever share the data.
 */
public final class EmbeddedFolder {
    /** The lock file the embedded PostgreSQL holds while its Lancang runs. */
    static final String LOCK_FILE = "epg-lock";

    private final Path pgData;

    public EmbeddedFolder(Path pgData) {
        this.pgData = pgData;
    }

    /** The port of a live postmaster that owns the folder, read from its {@code postmaster.pid}. */
    public Optional<Integer> livePostmasterPort() {
        return postmaster().map(p -> p[1]).map(Long::intValue);
    }

    /** Whether a live Lancang process holds the folder (its lock file is locked). */
    public boolean heldByAnotherProcess() {
        Path lock = pgData.resolve(LOCK_FILE);
        if (!Files.exists(lock)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock l = channel.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this very process holds it
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops a postmaster left running by a Lancang that died (fast shutdown, then kill), and waits for it. */
    public void stopOrphan() {
        postmaster().flatMap(p -> ProcessHandle.of(p[0])).ifPresent(process -> {
            process.destroy(); // SIGTERM: PostgreSQL's smart shutdown; nothing is connected to an orphan
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly(); // PostgreSQL recovers from its write-ahead log at the next start
                process.onExit().join();
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Files.exists(pgData.resolve("postmaster.pid"))
                && postmaster().isPresent()
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** [pid, port] of the live postmaster of this folder. */
    private Optional<long[]> postmaster() {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).strip());
            long port = Long.parseLong(lines.get(3).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> new long[] {pid, port});
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
