package dev.mailroom.connectiontest;

import java.io.IOException;
import java.util.Locale;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;

import dev.mailroom.transport.MailConnection;
import dev.mailroom.transport.MailSessionFactory;
import dev.mailroom.transport.OAuthSignInException;

/** Signs in through {@link MailSessionFactory}, exactly as the fetcher will: a new connection made by Angus Mail. */
final class LoginStep implements Step<MailboxProbe> {

    private final MailSessionFactory sessions;

    LoginStep(MailSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public ConnectionStep id() {
        return ConnectionStep.LOGIN;
    }

    @Override
    public Outcome run(MailboxProbe probe) {
        MailConnection c = probe.connection;
        try {
            probe.store = sessions.connect(c);
            return Outcome.passed("Signed in as " + c.username() + (c.signsInWithToken() ? " (XOAUTH2)" : ""), null);
        } catch (OAuthSignInException e) {
            return Outcome.failed("The server refused the access token of " + c.username(), e.getMessage(),
                    e.lasting() ? Hints.oauthToken(true) : Hints.tokenRefused());
        } catch (AuthenticationFailedException e) {
            return Outcome.failed("The server refused the username or password of " + c.username(), e.getMessage(),
                    Hints.wrongCredentials());
        } catch (MessagingException e) {
            if (e.getCause() instanceof IOException io && io.getClass().getName().startsWith("javax.net.ssl")) {
                return TlsFailures.outcome(io, probe, "The TLS handshake before signing in");
            }
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.toLowerCase(Locale.ROOT).contains("starttls")) {
                return Outcome.failed("Signing in failed: " + message, null, Hints.noStartTls(c));
            }
            return Outcome.failed("Signing in failed", message, Hints.loginFailed(c));
        }
    }
}
