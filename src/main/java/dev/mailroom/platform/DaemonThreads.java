package dev.mailroom.platform;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads of a helper pool that never keep the JVM alive, named {@code prefix-1}, {@code prefix-2}, … */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
