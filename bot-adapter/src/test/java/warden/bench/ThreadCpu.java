package warden.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the JVM's threads grouped by who they work for: Warden (JDA's threads, the guild lanes, the command
 * writers, Axon's processors, the connection pool), the fake Discord and the load generator, and the rest. The
 * fake runs in Warden's JVM for convenience; this keeps its cost out of Warden's figure.
 */
final class ThreadCpu {
    private ThreadCpu() {}

    /** Warden's CPU split further: JDA, the guild lanes, the rest (writers, processors, pool). */
    static String detail(String thread) {
        if (thread.startsWith("JDA") || thread.startsWith("OkHttp")) return "jda";
        if (thread.startsWith("guild-work")) return "lanes";
        return "events";
    }

    static Map<String, Long> byDetail() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null || !role(info.getThreadName()).equals("warden")) continue;
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) cpu.merge(detail(info.getThreadName()), nanos, Long::sum);
        }
        return cpu;
    }

    static Map<String, Long> byRole() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) continue;
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) cpu.merge(role(info.getThreadName()), nanos, Long::sum);
        }
        return cpu;
    }

    static Map<String, Long> since(Map<String, Long> before) {
        Map<String, Long> now = byRole();
        now.replaceAll((role, nanos) -> nanos - before.getOrDefault(role, 0L));
        return now;
    }

    private static String role(String thread) {
        if (thread.startsWith("JDA")
                || thread.startsWith("guild-work")
                || thread.startsWith("command-writer")
                || thread.startsWith("WorkPackage")
                || thread.startsWith("Coordinator")
                || thread.startsWith("EventProcessor")
                || thread.startsWith("EmbeddedEventStore")
                || thread.startsWith("warden")
                || thread.startsWith("OkHttp")
                || thread.startsWith("db-scheduler")) {
            return "warden";
        }
        if (thread.startsWith("WebSocket")
                || thread.startsWith("pool-")
                || thread.startsWith("background-chatter")
                || thread.equals("main")
                || thread.startsWith("awaitility")) {
            return "fake";
        }
        return "other";
    }
}
