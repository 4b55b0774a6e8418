package dev.mailroom.outgoing.sending;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.mailroom.platform.DaemonThreads;

/**
 * Sends one server's share of a batch over several SMTP connections at once ({@code mailroom.outgoing.connections}).
 * Most of a send is waiting for the server (each SMTP command is a round trip, and the server writes the message to
 * its queue before it answers the end of DATA), so connections side by side multiply the throughput while each email
 * is still claimed, sent and recorded on its own.
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

    /** Work on one share, over lane {@code lane} (the share's index): the lane's connection is this thread's alone. */
    interface ShareWork<T> {
        int send(int lane, List<T> share);
    }

    /** Runs {@code work} on every share at once and sums what it returns; waits for all, then rethrows a failure. */
    <T> int sumOver(List<List<T>> shares, ShareWork<T> work) {
        List<Future<Integer>> others = new ArrayList<>();
        for (int lane = 1; lane < shares.size(); lane++) {
            int number = lane;
            others.add(threads.submit(() -> work.send(number, shares.get(number))));
        }
        RuntimeException failure = null;
        int sum = 0;
        try {
            sum += work.send(0, shares.get(0));
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
