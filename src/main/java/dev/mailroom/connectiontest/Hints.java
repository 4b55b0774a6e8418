package dev.mailroom.connectiontest;

import java.util.List;
import java.util.Locale;

import dev.mailroom.transport.MailConnection;
import dev.mailroom.transport.MailEndpoint;
import dev.mailroom.transport.MailProtocol;
import dev.mailroom.transport.MailSecurity;
import dev.mailroom.transport.WellKnownPorts;

/**
 * What an admin should change when a step fails, in the words of the product FAQ: correct the host address, port and
 * security type for the protocol, then test again. One place, so the wording stays consistent.
 */
final class Hints {

    private Hints() {
    }

    static String unknownHost(MailEndpoint c) {
        return "Check the host name '" + c.host() + "' for typos. It is the name of your mail server, such as "
                + scheme(c) + ".example.com or outlook.office365.com, without " + scheme(c) + ":// and without a port.";
    }

    static String connectionRefused(MailEndpoint c) {
        return "Nothing accepts connections on port " + c.port() + " of " + c.host() + ". Verify the " + c.protocolName()
                + " host and port (" + c.usualPorts() + ") and that the mail server is running; "
                + "a firewall may also be rejecting the connection or blocking Mailroom's outbound traffic.";
    }

    static String connectTimedOut(MailEndpoint c) {
        return c.host() + " did not answer on port " + c.port() + " within " + c.connectTimeout().toSeconds()
                + " s. A firewall is probably blocking the outbound traffic, the server is down, or the " + c.protocolName()
                + " host or port is wrong (" + c.usualPorts() + ").";
    }

    static String unreachable(MailEndpoint c) {
        return "There is no network route to " + c.host() + ". Check the host address, and that a firewall or the "
                + "network lets Mailroom reach the mail server.";
    }

    static String serverExpectsTls(MailEndpoint c) {
        return "The security type doesn't match the port: the server sent no " + c.protocolName()
                + " greeting and is probably waiting for a TLS handshake, so port " + c.port() + " expects SSL/TLS. "
                + "Choose SSL/TLS, or use port " + c.plainPort() + " with "
                + (c.security() == MailSecurity.STARTTLS ? "STARTTLS" : "STARTTLS or no security") + ". "
                + c.usualPorts() + ".";
    }

    static String closedWithoutGreeting(MailEndpoint c) {
        return "The server closed the connection before greeting. It may expect SSL/TLS on port " + c.port()
                + " (" + c.usualPorts() + "), or it refuses connections from Mailroom's address.";
    }

    static String serverSpeaksPlain(MailEndpoint c) {
        return "The security type doesn't match the port: the server answered in plain text, so port " + c.port()
                + " does not start with TLS. Choose STARTTLS for this port, or use port "
                + c.tlsPort() + " with SSL/TLS. " + c.usualPorts() + ".";
    }

    static String untrustedCertificate(String certificate) {
        return "The server's certificate" + (certificate == null ? "" : " (" + certificate + ")")
                + " is not trusted: it is self-signed or issued by an authority Mailroom does not know. Install a "
                + "certificate from a trusted authority on the mail server, or turn on 'Trust self-signed certificate' "
                + "for this server if it deliberately uses its own certificate.";
    }

    static String hostnameMismatch(MailEndpoint c, String certificate) {
        return "The server's certificate" + (certificate == null ? "" : " (" + certificate + ")")
                + " is not issued for '" + c.host() + "'. Enter the host name the certificate names, or install a "
                + "certificate for this name; 'Trust self-signed certificate' skips this check for this server only.";
    }

    static String certificateExpired(String certificate) {
        return "The server's certificate" + (certificate == null ? "" : " (" + certificate + ")")
                + " has expired or is not valid yet. Renew it on the mail server, and check the clocks of both machines.";
    }

    static String noCommonTls() {
        return "The server and Mailroom share no TLS version or cipher suite. The mail server may only offer outdated "
                + "TLS (1.0/1.1) or SSLv3; enable TLS 1.2 or newer on it.";
    }

    static String tlsHandshakeClosed(MailEndpoint c) {
        return "The server closed the connection during the TLS handshake. The port may not speak TLS ("
                + c.usualPorts() + "), or the server allows no TLS version Mailroom accepts.";
    }

    static String tlsTimedOut(MailEndpoint c) {
        return "The server did not answer the TLS handshake within " + c.readTimeout().toSeconds() + " s. Check the "
                + "port and security type (" + c.usualPorts() + ").";
    }

    static String tlsFailed(MailEndpoint c) {
        return "Check the security type and port for " + c.protocolName() + ": " + c.usualPorts() + ".";
    }

    static String noStartTls(MailEndpoint c) {
        return "The server does not offer STARTTLS on port " + c.port() + ". Choose SSL/TLS with port "
                + c.tlsPort() + " if the server offers it. " + c.usualPorts() + ".";
    }

    static String startTlsRefused(MailEndpoint c) {
        return "The server refused to start TLS. Choose SSL/TLS with port " + c.tlsPort()
                + " if the server offers it, or ask the mail server's admin why STARTTLS is refused.";
    }

    static String serverRefused() {
        return "The mail server refused the connection; its answer above says why (often too many connections, "
                + "or Mailroom's address is blocked). Try again later or ask the mail server's admin.";
    }

    static String otherProtocol(MailConnection c, MailProtocol spoken) {
        return "The server on port " + c.port() + " speaks " + spoken + ", not " + c.protocol() + ". Choose " + spoken
                + " as protocol, or the " + c.protocol() + " port: " + WellKnownPorts.usualPorts(c.protocol()) + ".";
    }

    static String smtpServer(MailConnection c) {
        return "Port " + c.port() + " is an SMTP server, which sends mail; incoming mail is read over IMAP or POP3. "
                + WellKnownPorts.usualPorts(c.protocol()) + ".";
    }

    static String notAMailServer(MailEndpoint c) {
        return "The server on port " + c.port() + " does not answer like a " + c.protocolName() + " server. Check the port: "
                + c.usualPorts() + ".";
    }

    static String wrongCredentials() {
        return "Check the username and password; many servers want the full email address as username. "
                + "For Gmail and Microsoft 365, use an App Password or OAuth 2.0: they refuse the regular account "
                + "password for IMAP and POP3.";
    }

    static String oauthToken(boolean lasting) {
        return lasting
                ? "Authorize this server again (Authorize on its page, or POST …/oauth/authorize) and sign in at the "
                        + "provider with the mailbox's account; if the Client Secret expired, enter the new one first."
                : "The token endpoint did not give a token now. Check the Token URL and that Mailroom can reach it, then "
                        + "test again.";
    }

    static String tokenRefused() {
        return "The mail server refused the access token. Check that the Scope grants this protocol (e.g. "
                + "IMAP.AccessAsUser.All, POP.AccessAsUser.All, SMTP.Send) and that the mailbox allows sign-in with "
                + "OAuth 2.0 (Microsoft 365: IMAP, POP or Authenticated SMTP enabled for it).";
    }

    static String loginFailed(MailConnection c) {
        return "The server did not let Mailroom sign in; its answer above says why. Check the username, password and "
                + "security type (" + WellKnownPorts.usualPorts(c.protocol()) + ").";
    }

    static String folderMissing(String folder, List<String> existing) {
        String folders = existing.isEmpty() ? "the server listed none" : String.join(", ", existing);
        return "The folder '" + folder + "' does not exist in this mailbox. Folders that exist: " + folders
                + ". Correct the folder name (names other than INBOX are case-sensitive).";
    }

    static String folderFailed() {
        return "The mailbox was reached but the folder could not be opened; the server's answer above says why. "
                + "Check that the account may read this folder.";
    }

    static String readsMailNotSends(MailEndpoint c, String spoken) {
        return "Port " + c.port() + " is a " + spoken + " server, which reads mail; notifications are sent over SMTP. "
                + c.usualPorts() + ".";
    }

    static String smtpWrongCredentials() {
        return "The SMTP server was reached but the login failed: incorrect credentials, an expired password, or a "
                + "missing App Password. Update the credentials in the outgoing server settings; for Gmail and "
                + "Microsoft 365, use an App Password or OAuth 2.0 instead of the regular account password.";
    }

    static String smtpAuthNeedsEncryption() {
        return "The server accepts a sign-in only over an encrypted connection. Choose STARTTLS with port 587 (most "
                + "of the email providers) or SSL/TLS with port 465.";
    }

    static String smtpNoAuthOffered(MailEndpoint c) {
        return c.security() == MailSecurity.NONE
                ? "The server offers no sign-in (AUTH) on an unencrypted connection. Choose STARTTLS with port 587 (most "
                        + "of the email providers) or SSL/TLS with port 465; or choose authentication NONE if this "
                        + "server relays Mailroom's mail without a sign-in."
                : "The server offers no sign-in (AUTH). Choose authentication NONE if it relays Mailroom's mail "
                        + "without a sign-in, or check the host and port: " + c.usualPorts() + ".";
    }

    static String smtpNoUsableMechanism(String offered) {
        return "The server offers only " + offered + ", and Mailroom signs in with a password through PLAIN or LOGIN. "
                + "Enable AUTH PLAIN or LOGIN on the server (over TLS).";
    }

    static String smtpTemporaryFailure() {
        return "The server answered with a temporary failure (4xx); its answer above says why. Test again in a few "
                + "minutes.";
    }

    static String smtpRejected(String what) {
        return "The server refused " + what + "; its answer above says why. Check the outgoing server settings, or ask "
                + "the mail server's admin.";
    }

    static String smtpAuthRequired() {
        return "The server requires a sign-in (AUTH), but the authentication is NONE. Choose PASSWORD and enter the "
                + "username and password; for Gmail and Microsoft 365, use an App Password or OAuth 2.0 instead of the "
                + "regular account password.";
    }

    static String smtpRelayDenied(String recipient) {
        return "The server refused to relay mail to " + recipient + " (relay denied): it forwards mail to outside "
                + "addresses only for signed-in senders or allowed networks. Choose authentication PASSWORD, or ask "
                + "the mail server's admin to allow relaying from Mailroom's address.";
    }

    static String smtpSenderRefused(String from) {
        return "The server refused the from address " + from + ". Many servers send only from the signed-in "
                + "account's own address or its aliases: use that address as from address, or allow Mailroom to "
                + "send as " + from + ".";
    }

    private static String scheme(MailEndpoint c) {
        return c.protocolName().toLowerCase(Locale.ROOT);
    }

    static String unexpected() {
        return "This failure was not expected at this step. Check the host address, port and security type for your "
                + "protocol, then test again; the server log has details.";
    }
}
