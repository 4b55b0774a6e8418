package dev.mailroom.connectiontest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.mailroom.graph.GraphHints;
import dev.mailroom.graph.GraphMail;
import dev.mailroom.graph.GraphResponse;
import dev.mailroom.transport.OAuthSignInException;
import dev.mailroom.transport.SmtpConnection;

/**
 * Test Connection of an outgoing server that sends through Microsoft Graph: the OAuth token step, then, when the admin
 * gives a recipient, a real test email through sendMail as the sender sends. Graph has no sign-in short of sending, so
 * without a recipient only the token is tested.
 */
@Component
public class GraphSendTester {

    private static final Logger log = LoggerFactory.getLogger(GraphSendTester.class);

    private final GraphMail graph;

    GraphSendTester(GraphMail graph) {
        this.graph = graph;
    }

    /** @param testEmail sent as the last step; null to test the token only */
    public ConnectionTestResult test(SmtpConnection connection, String mailbox, TestEmail testEmail) {
        List<Step<? super SmtpProbe>> plan = new ArrayList<>();
        plan.add(new OAuthTokenStep<>(probe -> probe.connection.tokenSignIn()));
        if (testEmail != null) {
            plan.add(new SendStep(graph, mailbox, testEmail));
        }
        StepRunner.Run run;
        try (SmtpProbe probe = new SmtpProbe(connection)) {
            run = StepRunner.run(plan, probe, null);
        }
        log.info("Test Connection through Microsoft Graph as {} {}", mailbox,
                run.failed() == null ? "passed" : "failed at " + run.failed().name() + ": " + run.failed().detail());
        return run.result(testEmail == null
                ? "An access token is ready; send a test email to check that Graph sends as " + mailbox
                : "All steps passed: the test email was sent through Microsoft Graph to " + testEmail.recipient());
    }

    private record SendStep(GraphMail graph, String mailbox, TestEmail email) implements Step<SmtpProbe> {

        @Override
        public ConnectionStep id() {
            return ConnectionStep.SEND_TEST_EMAIL;
        }

        @Override
        public Outcome run(SmtpProbe probe) throws MessagingException, IOException {
            MimeMessage message = email.compose(Session.getInstance(new Properties()));
            try {
                GraphResponse response = graph.send(probe.connection.tokenSignIn(), mailbox, message);
                if (response.ok()) {
                    return Outcome.passed("Sent a test email through Microsoft Graph as " + mailbox + " to "
                            + email.recipient() + " (Message-ID " + message.getMessageID() + ")",
                            response.status() + " Accepted");
                }
                return Outcome.failed("Microsoft Graph refused to send as " + mailbox, response.describe(),
                        GraphHints.of(response));
            } catch (OAuthSignInException e) {
                return Outcome.failed(e.getMessage(), null, Hints.oauthToken(e.lasting()));
            }
        }
    }
}
