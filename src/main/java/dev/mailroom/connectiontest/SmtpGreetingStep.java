package dev.mailroom.connectiontest;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Locale;

import dev.mailroom.transport.MailSecurity;
import dev.mailroom.transport.SmtpConnection;

/**
 * The SMTP server's greeting, 220, in plain text (security NONE or STARTTLS) or right after the TLS handshake (SSL/TLS).
 * Silence means it waits for TLS; an IMAP or POP3 greeting means the port reads mail instead of sending it.
 */
final class SmtpGreetingStep implements Step<SmtpProbe> {

    @Override
    public ConnectionStep id() {
        return ConnectionStep.GREETING;
    }

    @Override
    public Outcome run(SmtpProbe probe) throws IOException {
        SmtpConnection c = probe.connection;
        boolean overTls = c.security() == MailSecurity.SSL_TLS;
        SmtpDialogue.Reply greeting;
        try {
            greeting = probe.dialogue().read();
        } catch (SocketTimeoutException e) {
            return Outcome.failed("The server sent no greeting within " + c.readTimeout().toSeconds() + " s", null,
                    overTls ? Hints.notAMailServer(c) : Hints.serverExpectsTls(c));
        } catch (EOFException e) {
            return Outcome.failed("The server closed the connection without a greeting", null, Hints.closedWithoutGreeting(c));
        }
        String first = greeting.lines().get(0).toUpperCase(Locale.ROOT);
        if (greeting.is(220)) {
            return Outcome.passed(overTls ? "The server greeted over TLS"
                    : c.security() == MailSecurity.NONE ? "The server greeted in plain text. Without SSL/TLS or STARTTLS "
                            + "the password and mail travel unencrypted." : "The server greeted in plain text",
                    greeting.text()).withReplyCode(greeting.code());
        }
        if (first.startsWith("* OK") || first.startsWith("+OK")) {
            return Outcome.failed("The server speaks " + (first.startsWith("+OK") ? "POP3" : "IMAP") + ", not SMTP",
                    greeting.text(), Hints.readsMailNotSends(c, first.startsWith("+OK") ? "POP3" : "IMAP"));
        }
        if (greeting.code() > 0) {
            return Outcome.failed("The server refused the connection", greeting.text(), Hints.serverRefused())
                    .withReplyCode(greeting.code());
        }
        return Outcome.failed("The server's first line is no SMTP greeting", greeting.text(), Hints.notAMailServer(c));
    }
}
