package dev.mailroom.connectiontest;

import java.io.IOException;

import dev.mailroom.transport.SmtpAuthentication;

/**
 * EHLO: Mailroom introduces itself and the server lists what it offers (STARTTLS, AUTH and its mechanisms, SIZE).
 * After STARTTLS it runs again, because a server may offer more (often AUTH) once the connection is encrypted.
 */
final class SmtpEhloStep implements Step<SmtpProbe> {

    private final ConnectionStep id;

    SmtpEhloStep(ConnectionStep id) {
        this.id = id;
    }

    @Override
    public ConnectionStep id() {
        return id;
    }

    @Override
    public Outcome run(SmtpProbe probe) throws IOException {
        String name = "[" + probe.socket.getLocalAddress().getHostAddress() + "]";
        SmtpDialogue.Reply reply = probe.dialogue().command("EHLO " + name);
        if (!reply.is(250)) {
            return Outcome.failed("The server did not accept EHLO", reply.text(),
                    reply.temporary() ? Hints.smtpTemporaryFailure() : Hints.notAMailServer(probe.connection))
                    .withReplyCode(reply.code());
        }
        probe.extensions = reply.extensions();
        String offered = probe.extensions.isEmpty() ? "nothing beyond plain SMTP" : String.join(", ", probe.extensions);
        String note = probe.connection.authentication() == SmtpAuthentication.NONE && probe.extension("AUTH").isPresent()
                ? ". Authentication is NONE: if sending fails with 530, the server wants a sign-in (choose PASSWORD)"
                : "";
        return Outcome.passed("The server offers " + offered + note, reply.text()).withReplyCode(reply.code());
    }
}
