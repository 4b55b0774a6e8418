package dev.mailroom.outgoing.sending;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;

import dev.mailroom.transport.OAuthSignInException;
import dev.mailroom.transport.SmtpConnection;

/** Turns what Jakarta Mail threw into an {@link SmtpFailure} that names the step and the server's answer. */
final class SmtpFailures {

    static final String CONNECTION_HINT = "Check the host, port and security type of the outgoing server and that no "
            + "firewall blocks outbound SMTP, then use Test Connection.";
    static final String AUTHENTICATION_HINT = "Check the username and password; for Gmail and Microsoft 365 use an "
            + "App Password or OAuth 2.0 instead of the account password.";

    private SmtpFailures() {
    }

    /** A failure while connecting and signing in; {@code lastReply} is the server's last reply code, or -1. */
    static SmtpFailure ofConnect(MessagingException e, SmtpConnection connection, int lastReply, String lastResponse) {
        String where = connection.address();
        if (e instanceof OAuthSignInException token) {
            String description = "OAuth sign-in at " + where + " failed: " + token.getMessage();
            return token.lasting() ? SmtpFailure.permanent(description) : SmtpFailure.temporary(description);
        }
        if (e instanceof AuthenticationFailedException) {
            String answer = answer(e.getMessage(), lastResponse);
            String description = "Authentication failed at " + where + ": " + answer + ". " + AUTHENTICATION_HINT;
            return answer.startsWith("4") ? SmtpFailure.temporary(description) : SmtpFailure.permanent(description);
        }
        if (has(e, CertificateException.class) || has(e, SSLException.class)) {
            return SmtpFailure.permanent("TLS handshake with " + where + " failed: " + rootMessage(e) + ". "
                    + "The server's certificate is not trusted or TLS is not spoken on this port; " + CONNECTION_HINT);
        }
        String text = String.valueOf(e.getMessage());
        if (text.contains("STARTTLS")) {
            return SmtpFailure.permanent("STARTTLS at " + where + " failed: " + text + ". " + CONNECTION_HINT);
        }
        if (has(e, UnknownHostException.class)) {
            return SmtpFailure.temporary("Connection to " + where + " failed: the host name " + connection.host()
                    + " is not known (DNS). " + CONNECTION_HINT);
        }
        if (has(e, ConnectException.class)) {
            return SmtpFailure.temporary("Connection to " + where + " failed: connection refused (" + rootMessage(e)
                    + "). " + CONNECTION_HINT);
        }
        if (has(e, SocketTimeoutException.class)) {
            return SmtpFailure.temporary("Connection to " + where + " failed: no answer within the timeout ("
                    + rootMessage(e) + "). " + CONNECTION_HINT);
        }
        if (lastReply >= 400) {
            return SmtpFailure.ofReply(lastReply, "The outgoing server at " + where + " refused the session: "
                    + answer(text, lastResponse));
        }
        return SmtpFailure.temporary("Connection to " + where + " failed: " + rootMessage(e) + ". " + CONNECTION_HINT);
    }

    /** A failure of the whole message after the session was open (not one recipient's refusal). */
    static SmtpFailure ofSend(MessagingException e, SmtpConnection connection, String command, int code, String response) {
        String where = connection.address();
        if (code >= 400) {
            return SmtpFailure.ofReply(code, "Rejected by the outgoing server at " + where + " at " + command + ": "
                    + answer(e.getMessage(), response));
        }
        if (has(e, SocketTimeoutException.class)) {
            return SmtpFailure.temporary("No answer from " + where + " while sending, within the read timeout ("
                    + rootMessage(e) + ")");
        }
        if (has(e, IOException.class)) {
            return SmtpFailure.temporary("Connection to " + where + " broke while sending: " + rootMessage(e));
        }
        return SmtpFailure.temporary("Sending through " + where + " failed: " + rootMessage(e));
    }

    /** Whether the server did not answer within the read timeout. */
    static boolean timedOut(MessagingException e) {
        return has(e, SocketTimeoutException.class);
    }

    static String answer(String message, String lastResponse) {
        String text = message == null || message.isBlank() ? lastResponse : message;
        return text == null ? "no answer" : text.strip().replaceAll("\\s+", " ");
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t.getCause()
                    && has(m.getNextException(), type)) {
                return true;
            }
        }
        return false;
    }
}
