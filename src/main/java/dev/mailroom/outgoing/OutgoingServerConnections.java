package dev.mailroom.outgoing;

import java.time.Duration;

import org.springframework.stereotype.Component;

import dev.mailroom.secrets.SecretBox;

/** Turns a saved outgoing server into an {@link SmtpConnection}, decrypting the password for that one connection. */
@Component
public class OutgoingServerConnections {

    private final SecretBox secrets;

    OutgoingServerConnections(SecretBox secrets) {
        this.secrets = secrets;
    }

    public SmtpConnection of(OutgoingServer server) {
        String password = server.encryptedPassword() == null ? null : secrets.decrypt(server.encryptedPassword());
        return of(server.settings(), password);
    }

    public static SmtpConnection of(OutgoingServerSettings settings, String password) {
        return new SmtpConnection(settings.host(), settings.port(), settings.security(), settings.authentication(),
                settings.username(), password, settings.trustSelfSignedCertificate(),
                Duration.ofSeconds(settings.connectTimeoutSeconds()), Duration.ofSeconds(settings.readTimeoutSeconds()));
    }
}
