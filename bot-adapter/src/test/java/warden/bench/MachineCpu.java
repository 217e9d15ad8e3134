package warden.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The machine's CPU from /proc over a phase: how busy its cores were, and how much of that PostgreSQL's processes
 * spent. Beside the JVM's own CPU time it tells whether a phase waited on the CPU (both sides busy), on one side, or
 * on neither (the phase then waits on something else: I/O, a lock, a sleep).
 */
record MachineCpu(long busyTicks, long allTicks, long postgresTicks) {

    /** Linux's USER_HZ, the unit of /proc's CPU times; 100 on every platform the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100;

    static MachineCpu now() {
        try {
            String[] total =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i <= 8 && i < total.length; i++) all += Long.parseLong(total[i]);
            long idle = Long.parseLong(total[4]) + Long.parseLong(total[5]);
            return new MachineCpu(all - idle, all, postgresProcessTicks());
        } catch (IOException | RuntimeException e) {
            return new MachineCpu(0, 0, 0); // not Linux: the phase reports no machine figures
        }
    }

    private static long postgresProcessTicks() throws IOException {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) continue;
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    int nameEnd = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, nameEnd).equals("postgres")) continue;
                    String[] fields = stat.substring(nameEnd + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                } catch (IOException | UncheckedIOException gone) {
                    // a backend that ended meanwhile
                }
            }
        }
        return ticks;
    }

    /** "cores busy 93 %, PostgreSQL CPU 41.2 s", or nothing where /proc is not there. */
    String since() {
        MachineCpu end = now();
        long all = end.allTicks - allTicks;
        if (all <= 0) return "";
        return String.format(
                Locale.ROOT,
                "cores busy %.0f %%, PostgreSQL CPU %.1f s",
                100.0 * (end.busyTicks - busyTicks) / all,
                (end.postgresTicks - postgresTicks) / TICKS_PER_SECOND);
    }
}
