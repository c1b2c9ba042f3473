package app.attune.database;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time spent by processes, from /proc (Linux), in seconds; for telling a benchmark's parts apart. */
final class CpuTime {

    /** Clock ticks per second of /proc/PID/stat: 100 on every Linux this runs on. */
    private static final double TICKS = 100.0;

    private CpuTime() {
    }

    /** User and system time of a process, of its finished children and of its running descendants (PostgreSQL's backends). */
    static double ofTree(long pid) {
        return of(pid) + field(pid, 13) + field(pid, 14) + ProcessHandle.of(pid).map(p -> p.descendants().mapToDouble(d -> of(d.pid())).sum()).orElse(0.0);
    }

    /** This JVM's own CPU time: the load generator. */
    static double ofThisProcess() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** CPU time of this JVM's finished and waited-for child processes (pgbench, through runuser). */
    static double ofReapedChildren() {
        return field(ProcessHandle.current().pid(), 13) + field(ProcessHandle.current().pid(), 14);
    }

    static double of(long pid) {
        return field(pid, 11) + field(pid, 12);
    }

    private static double field(long pid, int index) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Counted after the command name, which is in parentheses and may hold spaces: utime, stime, cutime, cstime are 11 to 14.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[index]) / TICKS;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
