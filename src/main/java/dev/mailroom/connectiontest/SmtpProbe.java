package dev.mailroom.connectiontest;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mailroom.transport.SmtpConnection;

/** A {@link Probe} of an SMTP server: adds the hand-made dialogue and what the last EHLO answered. */
final class SmtpProbe extends Probe {

    final SmtpConnection connection;
    List<String> extensions = List.of();
    private SmtpDialogue dialogue;

    SmtpProbe(SmtpConnection connection) {
        super(connection);
        this.connection = connection;
    }

    /** The dialogue over the current socket; a new one after TLS took the socket over. */
    SmtpDialogue dialogue() throws IOException {
        if (dialogue == null) {
            dialogue = new SmtpDialogue(socket);
        }
        return dialogue;
    }

    void socketUpgraded() {
        dialogue = null;
    }

    /** The parameters of an EHLO extension ("PLAIN LOGIN" for AUTH), if the server offers it. */
    Optional<String> extension(String keyword) {
        return extensions.stream()
                .filter(line -> line.toUpperCase(Locale.ROOT).equals(keyword)
                        || line.toUpperCase(Locale.ROOT).startsWith(keyword + " ")
                        || line.toUpperCase(Locale.ROOT).startsWith(keyword + "="))
                .map(line -> line.substring(keyword.length()).trim())
                .findFirst();
    }

    /** Ends the hand-made session politely, so a test email goes through a connection of its own. */
    void endDialogue() {
        if (socket != null && dialogue != null) {
            dialogue.quit();
        }
        dialogue = null;
        closeSocket();
    }
}
