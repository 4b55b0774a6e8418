package dev.mailroom.acceptance;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Heap and RSS while Mailroom works: peaks sampled every 50 ms, plus the JVM's own peak counters; GC and process CPU
 * time from start to {@link #stop}.
 */
final class BenchmarkProbe {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final long gcCountBefore = gcCount(0);
    private final long gcMillisBefore = gcMillis(0);
    private final long cpuBefore = processCpu();
    private long cpuAfter;
    final boolean rssReset;
    volatile long peakHeapSampled;
    volatile long peakRssSampled;

    BenchmarkProbe() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        rssReset = resetRssPeak();
        thread = new Thread(() -> {
            while (running.get()) {
                peakHeapSampled = Math.max(peakHeapSampled,
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                peakRssSampled = Math.max(peakRssSampled, status("VmRSS"));
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "benchmark-probe");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        cpuAfter = processCpu();
        running.set(false);
        thread.join();
    }

    long peakHeapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    long peakRss() {
        return Math.max(peakRssSampled, status("VmHWM"));
    }

    long gcCount() {
        return gcCount(gcCountBefore);
    }

    long gcMillis() {
        return gcMillis(gcMillisBefore);
    }

    double cpuSeconds() {
        return (cpuAfter - cpuBefore) / 1e9;
    }

    private static long gcCount(long minus) {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum() - minus;
    }

    private static long gcMillis(long minus) {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum() - minus;
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+). */
    private static boolean resetRssPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A /proc/self/status value in bytes (0 where there is none). */
    private static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }
}
