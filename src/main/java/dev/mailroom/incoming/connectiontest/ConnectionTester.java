package dev.mailroom.incoming.connectiontest;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.mailroom.incoming.connection.MailConnection;
import dev.mailroom.incoming.connection.MailSessionFactory;
import dev.mailroom.incoming.connection.ServerTrust;

/**
 * Test Connection: DNS lookup, TCP connect, the security step (plain greeting, TLS handshake or STARTTLS), login and
 * open folder, in order, stopping at the first failure so the admin sees exactly where it breaks. The first three
 * steps use plain sockets so each failure is told apart; login and folder go through {@link MailSessionFactory} like
 * the fetcher. The password never appears in the result, even when a server echoes it.
 */
@Component
public class ConnectionTester {

    private static final Logger log = LoggerFactory.getLogger(ConnectionTester.class);

    private final Step dnsLookup = new DnsLookupStep();
    private final Step tcpConnect = new TcpConnectStep();
    private final Step greeting = new GreetingStep();
    private final Step tlsHandshake;
    private final Step startTls;
    private final Step login;
    private final Step openFolder = new OpenFolderStep();

    public ConnectionTester(ServerTrust trust, MailSessionFactory sessions) {
        this.tlsHandshake = new TlsHandshakeStep(trust);
        this.startTls = new StartTlsStep(trust);
        this.login = new LoginStep(sessions);
    }

    public ConnectionTestResult test(MailConnection connection) {
        List<StepResult> results = new ArrayList<>();
        StepResult failed = null;
        try (Probe probe = new Probe(connection)) {
            for (Step step : plan(connection)) {
                if (failed != null) {
                    results.add(StepResult.skipped(step.id()));
                    continue;
                }
                StepResult result = redact(run(step, probe), connection.password());
                results.add(result);
                if (result.status() == StepStatus.FAILED) {
                    failed = result;
                }
            }
        }
        if (failed == null) {
            log.info("Test Connection to {} as {} passed", connection.address(), connection.username());
            return new ConnectionTestResult(true, null, "All steps passed: Mailroom can read this mailbox", results);
        }
        log.info("Test Connection to {} as {} failed at {}: {}", connection.address(), connection.username(),
                failed.name(), failed.detail());
        return new ConnectionTestResult(false, failed.step(), "Failed at " + failed.name() + ": " + failed.detail(), results);
    }

    private List<Step> plan(MailConnection connection) {
        Step security = switch (connection.security()) {
            case NONE -> greeting;
            case SSL_TLS -> tlsHandshake;
            case STARTTLS -> startTls;
        };
        return List.of(dnsLookup, tcpConnect, security, login, openFolder);
    }

    private static StepResult run(Step step, Probe probe) {
        long start = System.nanoTime();
        Outcome outcome;
        try {
            outcome = step.run(probe);
        } catch (Exception e) {
            log.debug("Test Connection step {} failed unexpectedly", step.id(), e);
            outcome = Outcome.failed(step.id().label() + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), null, Hints.unexpected());
        }
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        return new StepResult(step.id(), step.id().label(), outcome.passed() ? StepStatus.PASSED : StepStatus.FAILED,
                durationMs, outcome.detail(), outcome.serverResponse(), outcome.hint());
    }

    private static StepResult redact(StepResult result, String password) {
        return new StepResult(result.step(), result.name(), result.status(), result.durationMs(),
                redact(result.detail(), password), redact(result.serverResponse(), password), redact(result.hint(), password));
    }

    private static String redact(String text, String password) {
        return text == null || password == null || password.isEmpty() ? text : text.replace(password, "******");
    }
}
