package dev.mailroom.intake;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.IncomingServerRepository;
import dev.mailroom.intake.preference.EmailPreference;
import dev.mailroom.intake.preference.EmailPreferenceRepository;
import dev.mailroom.platform.DaemonThreads;
import dev.mailroom.spool.InboundEmail;
import dev.mailroom.spool.InboundState;

/**
 * Takes a batch of RECEIVED emails through the intake. Parsing, which needs no table but most of the CPU (and writes
 * attachments), runs on a few threads a few emails ahead; the stages judge the emails one at a time in arrival order,
 * so a reply is never judged before the request it answers. The batch is judged under one Email Preference and one
 * reading of each server, like a single email.
 *
 * <p>An email whose parse takes longer than {@code mailroom.intake.parse-timeout} is given up: it ends
 * PROCESSED_FAILED, saying so, and the batch goes on. Its thread is interrupted, but what holds a thread that long
 * (a blob store on a hung network mount, a library looping) rarely heeds that, so a thread is added in its place.
 * The stages themselves are bounded elsewhere: rules' regular expressions by their step budget, the database by its
 * timeouts.
 */
@Component
class IntakeBatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IntakeBatch.class);

    private final IntakeProcessor processor;
    private final IncomingServerRepository servers;
    private final EmailPreferenceRepository preferences;
    private final ThreadPoolExecutor parsers;
    private final int ahead;
    private final Duration timeout;

    IntakeBatch(IntakeProcessor processor, IncomingServerRepository servers, EmailPreferenceRepository preferences,
            IntakeProperties properties) {
        this.processor = processor;
        this.servers = servers;
        this.preferences = preferences;
        this.parsers = (ThreadPoolExecutor) Executors.newFixedThreadPool(properties.parseThreads(),
                DaemonThreads.named("intake-parse"));
        this.timeout = properties.parseTimeout();
        // Enough to keep every parser busy, few enough that parsed bodies waiting for the stages stay a handful.
        this.ahead = 2 * properties.parseThreads();
    }

    void process(List<InboundEmail> emails) {
        EmailPreference preference = preferences.current();
        Map<Long, Optional<IncomingServer>> serverById = new HashMap<>();
        Iterator<InboundEmail> next = emails.iterator();
        Deque<Parsing> parsing = new ArrayDeque<>();
        while (!parsing.isEmpty() || next.hasNext()) {
            while (parsing.size() < ahead && next.hasNext()) {
                InboundEmail email = next.next();
                IncomingServer server = serverById.computeIfAbsent(email.serverId(), servers::findById).orElse(null);
                Future<PreparedEmail> prepared = parsers.submit(() -> processor.prepare(email, server, preference));
                parsing.add(new Parsing(email, server, prepared));
            }
            try {
                processor.decide(await(parsing.poll(), preference), false, InboundState.RECEIVED);
            } catch (EmailNoLongerWaiting decidedElsewhere) {
                log.debug("{}: skipped", decidedElsewhere.getMessage());
            }
        }
    }

    private record Parsing(InboundEmail email, IncomingServer server, Future<PreparedEmail> prepared) {
    }

    private PreparedEmail await(Parsing parsing, EmailPreference preference) {
        try {
            return parsing.prepared().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            parsing.prepared().cancel(true);
            replaceStuckThread();
            log.error("Parsing email {} ({}) took longer than {} s; it is given up as PROCESSED_FAILED and the intake"
                    + " goes on", parsing.email().id(), parsing.email().messageId(), timeout.toSeconds());
            return processor.parseTimedOut(parsing.email(), parsing.server(), preference, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while parsing an email", e);
        } catch (ExecutionException e) {
            // prepare() turns every exception into a parse failure; what is left (an Error) goes on as it would have.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private synchronized void replaceStuckThread() {
        parsers.setMaximumPoolSize(parsers.getMaximumPoolSize() + 1);
        parsers.setCorePoolSize(parsers.getCorePoolSize() + 1);
    }

    @Override
    public void destroy() {
        parsers.shutdownNow();
    }
}
