package org.lancang.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the processors went during a measured run: CPU time of this JVM (server and clients) and of the embedded
 * PostgreSQL (its postmaster and every backend), per answer, and the share of the machine left idle (Linux's
 * /proc/stat; without it the idle share is not shown). Idle processors under a rush mean requests waiting on
 * something other than the processors, such as the disk or a busy committer.
 */
record CpuUse(long jvmNanos, long postgresNanos, long idleTicks, long allTicks) {
    static CpuUse now(Path postgresDir) {
        long[] machine = machineTicks().orElse(new long[] {-1, -1});
        return new CpuUse(cpuNanos(ProcessHandle.current()), postgresNanos(postgresDir), machine[0], machine[1]);
    }

    /** Per answer since {@code start}, for a report line. */
    String since(CpuUse start, int answers) {
        int n = Math.max(1, answers);
        String idle = idleTicks < 0 || start.idleTicks < 0 || allTicks == start.allTicks
                ? ""
                : String.format(
                        Locale.ROOT,
                        "; processors idle %.0f %%",
                        100.0 * (idleTicks - start.idleTicks) / (allTicks - start.allTicks));
        return String.format(
                Locale.ROOT,
                "CPU per answer: this JVM %.0f µs, PostgreSQL %.0f µs%s",
                (jvmNanos - start.jvmNanos) / 1e3 / n,
                (postgresNanos - start.postgresNanos) / 1e3 / n,
                idle);
    }

    private static long cpuNanos(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** The postmaster named in its pid file, and its children (the backends, the log writer, …). */
    private static long postgresNanos(Path dataDir) {
        try {
            long pid = Long.parseLong(
                    Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
            return ProcessHandle.of(pid)
                    .map(p -> cpuNanos(p)
                            + p.descendants().mapToLong(CpuUse::cpuNanos).sum())
                    .orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** {idle + iowait, all} in clock ticks since boot, summed over the processors. */
    private static Optional<long[]> machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < f.length; i++) {
                all += Long.parseLong(f[i]);
            }
            return Optional.of(new long[] {Long.parseLong(f[4]) + Long.parseLong(f[5]), all});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
