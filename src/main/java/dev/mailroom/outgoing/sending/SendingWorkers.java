package dev.mailroom.outgoing.sending;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.mailroom.platform.DaemonThreads;

/**
 * Sends a batch over several SMTP connections at once: one server's emails over up to
 * {@code mailroom.outgoing.connections} of them, and different servers' emails side by side, all on
 * {@code connections} threads (the caller's among them). Most of a send is waiting for the server (each SMTP command
 * is a round trip, and the server writes the message to its queue before it answers the end of DATA), so connections
 * side by side multiply the throughput while each email is still claimed, sent and recorded on its own; and a server
 * that hangs holds only its own connections, while the other threads go on with the other servers' emails.
 */
@Component
class SendingWorkers implements DisposableBean {

    /** A further connection (TLS handshake, AUTH: several round trips) only pays off for this many more emails. */
    static final int EMAILS_PER_CONNECTION = 10;

    private final int connections;
    private final ExecutorService threads;

    SendingWorkers(SendingProperties properties) {
        this.connections = properties.connections();
        // The calling thread works on the first share itself.
        this.threads = connections == 1 ? null
                : Executors.newFixedThreadPool(connections - 1, DaemonThreads.named("outbox-sender"));
    }

    /**
     * The emails dealt out in turn to as many shares as connections are worth opening for them, so each share keeps
     * the oldest first.
     */
    <T> List<List<T>> shares(List<T> emails) {
        int count = Math.max(1, Math.min(connections, (emails.size() + EMAILS_PER_CONNECTION - 1) / EMAILS_PER_CONNECTION));
        List<List<T>> shares = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < emails.size(); i++) {
            shares.get(i % count).add(emails.get(i));
        }
        return shares;
    }

    /**
     * Runs every job (each sends one share over its own connection) on the threads, as many at once as there are
     * threads, and sums what they return; waits for all, then rethrows a failure.
     */
    <T> int sumOver(List<T> jobs, ToIntFunction<T> work) {
        if (jobs.isEmpty()) {
            return 0;
        }
        if (threads == null) {
            return jobs.stream().mapToInt(work).sum();
        }
        List<Future<Integer>> others = new ArrayList<>();
        for (int job = 1; job < jobs.size(); job++) {
            T next = jobs.get(job);
            others.add(threads.submit(() -> work.applyAsInt(next)));
        }
        RuntimeException failure = null;
        int sum = 0;
        try {
            sum += work.applyAsInt(jobs.get(0));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<Integer> other : others) {
            try {
                sum += awaitUninterruptibly(other);
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return sum;
    }

    /** A share is never abandoned half-way: its emails are claimed, and their outcome must be recorded. */
    private static int awaitUninterruptibly(Future<Integer> future) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void destroy() {
        if (threads != null) {
            threads.shutdown();
        }
    }
}
