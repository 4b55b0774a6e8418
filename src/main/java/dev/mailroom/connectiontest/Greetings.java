package dev.mailroom.connectiontest;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Locale;

import dev.mailroom.transport.MailConnection;
import dev.mailroom.transport.MailProtocol;

/**
 * Reads and judges the server's first line. A mail server greets at once; silence means it waits for TLS, and a
 * greeting of the other protocol (or SMTP's 220) means the port belongs to another service.
 */
final class Greetings {

    /** Either the greeting line, or why there is none that fits. */
    record Greeting(String line, Outcome failure) {
    }

    private Greetings() {
    }

    static Greeting read(MailDialogue dialogue, MailConnection c, boolean overTls) throws IOException {
        String line;
        try {
            line = dialogue.readLine();
        } catch (SocketTimeoutException e) {
            return new Greeting(null, Outcome.failed("The server sent no greeting within " + c.readTimeout().toSeconds()
                    + " s", null, overTls ? Hints.notAMailServer(c) : Hints.serverExpectsTls(c)));
        } catch (EOFException e) {
            return new Greeting(null, Outcome.failed("The server closed the connection without a greeting", null,
                    Hints.closedWithoutGreeting(c)));
        }
        return new Greeting(line, judge(c, line));
    }

    private static Outcome judge(MailConnection c, String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        boolean imap = upper.startsWith("* OK") || upper.startsWith("* PREAUTH");
        boolean pop3 = upper.startsWith("+OK");
        if (c.protocol() == MailProtocol.IMAP && imap || c.protocol() == MailProtocol.POP3 && pop3) {
            return null;
        }
        if (upper.startsWith("* BYE") || upper.startsWith("-ERR")) {
            return Outcome.failed("The server refused the connection", line, Hints.serverRefused());
        }
        if (imap || pop3) {
            MailProtocol spoken = imap ? MailProtocol.IMAP : MailProtocol.POP3;
            return Outcome.failed("The server speaks " + spoken + ", not " + c.protocol(), line, Hints.otherProtocol(c, spoken));
        }
        if (upper.startsWith("220")) {
            return Outcome.failed("The server speaks SMTP, not " + c.protocol(), line, Hints.smtpServer(c));
        }
        return Outcome.failed("The server's first line is no " + c.protocol() + " greeting", line, Hints.notAMailServer(c));
    }
}
