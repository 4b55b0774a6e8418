package dev.mailroom.outgoing.connectiontest;

import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.NewAuditEntry;
import dev.mailroom.connectiontest.ConnectionStep;
import dev.mailroom.connectiontest.ConnectionTestResult;
import dev.mailroom.connectiontest.GraphSendTester;
import dev.mailroom.connectiontest.SmtpConnectionTester;
import dev.mailroom.connectiontest.StepResult;
import dev.mailroom.connectiontest.StepStatus;
import dev.mailroom.outgoing.OutgoingServerSettings;
import dev.mailroom.outgoing.OwnMailSeal;
import dev.mailroom.platform.MailIdentity;
import dev.mailroom.transport.OutgoingTransport;
import dev.mailroom.transport.SmtpConnection;

/**
 * Test Connection of an outgoing server, saved or still in the form. A test email, when asked for, is also written
 * to the Email Audit (SENT or SEND_FAILED), so the admin finds it there like any notification.
 */
@Service
public class OutgoingServerTests {

    private final SmtpConnectionTester tester;
    private final GraphSendTester graphTester;
    private final AuditLog audit;
    private final MailIdentity identity;
    private final OwnMailSeal seal;

    OutgoingServerTests(SmtpConnectionTester tester, GraphSendTester graphTester, AuditLog audit, MailIdentity identity,
            OwnMailSeal seal) {
        this.tester = tester;
        this.graphTester = graphTester;
        this.audit = audit;
        this.identity = identity;
        this.seal = seal;
    }

    /**
     * @param serverId      the saved server tested (or whose form is tested); null for a server not saved yet
     * @param testRecipient where to send a test email; null or blank to test without sending
     */
    public ConnectionTestResult test(Long serverId, OutgoingServerSettings settings, SmtpConnection connection,
            String testRecipient) {
        boolean graph = settings.transport() == OutgoingTransport.GRAPH;
        if (testRecipient == null || testRecipient.isBlank()) {
            return graph ? graphTester.test(connection, settings.graphMailbox(), null) : tester.test(connection, null);
        }
        String messageId = newMessageId();
        SmtpTestEmail email = SmtpTestEmail.to(testRecipient.trim(), settings, messageId, seal.of(messageId));
        ConnectionTestResult result = graph ? graphTester.test(connection, settings.graphMailbox(), email)
                : tester.test(connection, email);
        audit.record(auditEntry(serverId, settings, email, result));
        return result;
    }

    private String newMessageId() {
        return "<TEST." + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT) + "@"
                + identity.messageIdDomain() + ">";
    }

    private static NewAuditEntry auditEntry(Long serverId, OutgoingServerSettings settings, SmtpTestEmail email,
            ConnectionTestResult result) {
        NewAuditEntry entry = NewAuditEntry.of(result.success() ? AuditStatus.SENT : AuditStatus.SEND_FAILED)
                .server(serverId, settings.name())
                .email(email.messageId(), settings.fromAddress(), email.recipient(), email.subject())
                .message(result.success() ? "Test email sent by Test Connection"
                        : "Test email not sent: " + failure(result));
        for (StepResult step : result.steps()) {
            if (step.status() != StepStatus.SKIPPED) {
                entry.step(step.name(), step.status().name(), step.serverResponse() == null ? step.detail()
                        : step.detail() + " (server: " + step.serverResponse() + ")");
            }
        }
        return entry;
    }

    private static String failure(ConnectionTestResult result) {
        StepResult failed = result.steps().stream().filter(step -> step.step() == result.failedStep()).findFirst().orElseThrow();
        String answer = failed.serverResponse() == null ? "" : "; the server answered: " + failed.serverResponse();
        return failed.step() == ConnectionStep.SEND_TEST_EMAIL ? failed.detail() + answer
                : "Test Connection failed at " + failed.name() + ": " + failed.detail() + answer;
    }
}
