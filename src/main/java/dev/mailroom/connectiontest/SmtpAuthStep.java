package dev.mailroom.connectiontest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mailroom.outgoing.SmtpConnection;

/**
 * Signs in with the username and password, through AUTH PLAIN or, when the server offers only that, AUTH LOGIN, so
 * the server's own answer (235, or 535 for wrong credentials) is shown. Only the server's lines are ever reported,
 * never what Mailroom sent.
 */
final class SmtpAuthStep implements Step<SmtpProbe> {

    private static final int ACCEPTED = 235;
    private static final int CONTINUE = 334;

    @Override
    public ConnectionStep id() {
        return ConnectionStep.AUTH;
    }

    @Override
    public Outcome run(SmtpProbe probe) throws IOException {
        SmtpConnection c = probe.connection;
        Optional<String> offered = probe.extension("AUTH");
        if (offered.isEmpty()) {
            return Outcome.failed("The server offers no sign-in (AUTH)", String.join("\n", probe.extensions),
                    Hints.smtpNoAuthOffered(c));
        }
        List<String> mechanisms = Arrays.asList(offered.get().toUpperCase(Locale.ROOT).split("[\\s=]+"));
        SmtpDialogue dialogue = probe.dialogue();
        SmtpDialogue.Reply reply;
        String mechanism;
        if (mechanisms.contains("PLAIN")) {
            mechanism = "PLAIN";
            reply = dialogue.command("AUTH PLAIN " + base64("\0" + c.username() + "\0" + c.password()));
        } else if (mechanisms.contains("LOGIN")) {
            mechanism = "LOGIN";
            reply = dialogue.command("AUTH LOGIN");
            if (reply.is(CONTINUE)) {
                reply = dialogue.command(base64(c.username()));
            }
            if (reply.is(CONTINUE)) {
                reply = dialogue.command(base64(c.password()));
            }
        } else {
            return Outcome.failed("The server offers no password sign-in Mailroom can use (AUTH " + offered.get() + ")",
                    String.join("\n", probe.extensions), Hints.smtpNoUsableMechanism("AUTH " + offered.get()));
        }
        return judge(reply, mechanism, c).withReplyCode(reply.code());
    }

    private static Outcome judge(SmtpDialogue.Reply reply, String mechanism, SmtpConnection c) {
        if (reply.is(ACCEPTED)) {
            return Outcome.passed("Signed in as " + c.username() + " (AUTH " + mechanism + ")", reply.text());
        }
        String detail = "The server refused the sign-in of " + c.username() + " (AUTH " + mechanism + ")";
        if (reply.is(535) || reply.is(534) || reply.is(CONTINUE)) {
            return Outcome.failed(detail, reply.text(), Hints.smtpWrongCredentials());
        }
        if (reply.is(538)) {
            return Outcome.failed(detail, reply.text(), Hints.smtpAuthNeedsEncryption());
        }
        if (reply.temporary()) {
            return Outcome.failed(detail, reply.text(), Hints.smtpTemporaryFailure());
        }
        return Outcome.failed(detail, reply.text(), Hints.smtpWrongCredentials());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
