package dev.mailroom.connectiontest;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.mailroom.transport.MailSecurity;
import dev.mailroom.transport.ServerTrust;
import dev.mailroom.transport.SmtpConnection;
import dev.mailroom.transport.SmtpSessions;

/**
 * Test Connection of an Outgoing Email Server: DNS lookup, TCP connect, the TLS handshake (SSL/TLS), the 220 greeting,
 * EHLO, STARTTLS and EHLO again (STARTTLS), AUTH (PASSWORD) and, when the admin gives a recipient, a real test email
 * through {@link SmtpSessions}, as the sender sends. Shares the DNS, TCP and TLS steps with the mailbox test.
 */
@Component
public class SmtpConnectionTester {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnectionTester.class);

    private final Step<Probe> dnsLookup = new DnsLookupStep();
    private final Step<Probe> tcpConnect = new TcpConnectStep();
    private final Step<SmtpProbe> tlsHandshake;
    private final Step<SmtpProbe> greeting = new SmtpGreetingStep();
    private final Step<SmtpProbe> ehlo = new SmtpEhloStep(ConnectionStep.EHLO);
    private final Step<SmtpProbe> startTls;
    private final Step<SmtpProbe> ehloAgain = new SmtpEhloStep(ConnectionStep.EHLO_AFTER_STARTTLS);
    private final Step<SmtpProbe> auth = new SmtpAuthStep();
    private final Step<SmtpProbe> oauthToken = new OAuthTokenStep<>(probe -> probe.connection.tokenSignIn());
    private final SmtpSessions sessions;

    public SmtpConnectionTester(ServerTrust trust, SmtpSessions sessions) {
        this.tlsHandshake = new SmtpTlsHandshakeStep(trust);
        this.startTls = new SmtpStartTlsStep(trust);
        this.sessions = sessions;
    }

    /** @param testEmail sent as the last step; null to test without sending */
    public ConnectionTestResult test(SmtpConnection connection, TestEmail testEmail) {
        StepRunner.Run run;
        try (SmtpProbe probe = new SmtpProbe(connection)) {
            run = StepRunner.run(plan(connection, testEmail), probe, connection.password());
            if (run.failed() == null) {
                probe.endDialogue();
            }
        }
        if (run.failed() == null) {
            log.info("Test Connection to {} passed{}", connection.address(),
                    testEmail == null ? "" : "; a test email went to " + testEmail.recipient());
        } else {
            log.info("Test Connection to {} failed at {}: {}", connection.address(), run.failed().name(),
                    run.failed().detail());
        }
        return run.result(testEmail == null ? "All steps passed: Mailroom can send through this server"
                : "All steps passed: the test email was sent to " + testEmail.recipient());
    }

    private List<Step<? super SmtpProbe>> plan(SmtpConnection connection, TestEmail testEmail) {
        List<Step<? super SmtpProbe>> plan = new ArrayList<>();
        if (connection.signsInWithToken()) {
            plan.add(oauthToken);
        }
        plan.addAll(List.of(dnsLookup, tcpConnect));
        if (connection.security() == MailSecurity.SSL_TLS) {
            plan.add(tlsHandshake);
        }
        plan.add(greeting);
        plan.add(ehlo);
        if (connection.security() == MailSecurity.STARTTLS) {
            plan.add(startTls);
            plan.add(ehloAgain);
        }
        if (connection.signsIn()) {
            plan.add(auth);
        }
        if (testEmail != null) {
            plan.add(new SmtpSendTestStep(sessions, testEmail));
        }
        return plan;
    }
}
