package dev.mailroom.outgoing.sending;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.mailroom.outgoing.OutgoingServerSettings;
import dev.mailroom.transport.MailSecurity;
import dev.mailroom.transport.OutgoingTransport;
import dev.mailroom.transport.SmtpAuthentication;

/** Outgoing server settings for tests: a ready server on 127.0.0.1, changed one field at a time. */
final class OutgoingServerSpec {

    String name = "Desk SMTP " + UUID.randomUUID().toString().substring(0, 6);
    int port;
    MailSecurity security = MailSecurity.NONE;
    SmtpAuthentication authentication = SmtpAuthentication.NONE;
    String username;
    String fromAddress = "desk@mailroom.test";
    String fromName = "Service Desk";
    String replyToAddress = "desk@mailroom.test";
    boolean enabled = true;
    boolean defaultServer;
    long maxAttachmentBytes = OutgoingServerSettings.DEFAULT_MAX_ATTACHMENT_BYTES;
    List<String> filter = new ArrayList<>();
    boolean trustSelfSigned;
    int readTimeoutSeconds = 5;
    OutgoingTransport transport = OutgoingTransport.SMTP;

    OutgoingServerSpec(int port) {
        this.port = port;
    }

    OutgoingServerSettings settings() {
        return new OutgoingServerSettings(name, "127.0.0.1", port, security, authentication, username, fromAddress,
                fromName, replyToAddress, enabled, defaultServer, maxAttachmentBytes, filter, trustSelfSigned, 2,
                readTimeoutSeconds, transport);
    }
}
