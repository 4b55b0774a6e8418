package dev.mailroom.incoming.connectiontest;

import java.util.List;

import dev.mailroom.incoming.connection.MailConnection;
import dev.mailroom.incoming.connection.MailProtocol;
import dev.mailroom.incoming.connection.MailSecurity;
import dev.mailroom.incoming.connection.WellKnownPorts;

/**
 * What an admin should change when a step fails, in the words of the product FAQ: correct the host address, port and
 * security type for the protocol, then test again. One place, so the wording stays consistent.
 */
final class Hints {

    private Hints() {
    }

    static String unknownHost(MailConnection c) {
        return "Check the host name '" + c.host() + "' for typos. It is the name of your mail server, such as "
                + "imap.example.com or outlook.office365.com, without " + c.protocol().javaMailName()
                + ":// and without a port.";
    }

    static String connectionRefused(MailConnection c) {
        return "Nothing accepts connections on port " + c.port() + " of " + c.host() + ". Check the port ("
                + WellKnownPorts.usualPorts(c.protocol()) + ") and that the mail server is running; "
                + "a firewall may also be rejecting the connection.";
    }

    static String connectTimedOut(MailConnection c) {
        return c.host() + " did not answer on port " + c.port() + " within " + c.connectTimeout().toSeconds()
                + " s. A firewall is probably dropping the connection, the server is down, or the host or port is wrong ("
                + WellKnownPorts.usualPorts(c.protocol()) + ").";
    }

    static String unreachable(MailConnection c) {
        return "There is no network route to " + c.host() + ". Check the host address, and that a firewall or the "
                + "network lets Mailroom reach the mail server.";
    }

    static String serverExpectsTls(MailConnection c) {
        return "The security type doesn't match the port: the server sent no " + c.protocol()
                + " greeting and is probably waiting for a TLS handshake, so port " + c.port() + " expects SSL/TLS. "
                + "Choose SSL/TLS, or use port " + WellKnownPorts.plainPort(c.protocol()) + " with "
                + (c.security() == MailSecurity.STARTTLS ? "STARTTLS" : "STARTTLS or no security") + ". "
                + WellKnownPorts.usualPorts(c.protocol()) + ".";
    }

    static String closedWithoutGreeting(MailConnection c) {
        return "The server closed the connection before greeting. It may expect SSL/TLS on port " + c.port()
                + " (" + WellKnownPorts.usualPorts(c.protocol()) + "), or it refuses connections from Mailroom's address.";
    }

    static String serverSpeaksPlain(MailConnection c) {
        return "The security type doesn't match the port: the server answered in plain text, so port " + c.port()
                + " does not start with TLS. Choose STARTTLS for this port, or use port "
                + WellKnownPorts.tlsPort(c.protocol()) + " with SSL/TLS. " + WellKnownPorts.usualPorts(c.protocol()) + ".";
    }

    static String untrustedCertificate(String certificate) {
        return "The server's certificate" + (certificate == null ? "" : " (" + certificate + ")")
                + " is not trusted: it is self-signed or issued by an authority Mailroom does not know. Install a "
                + "certificate from a trusted authority on the mail server, or turn on 'Trust self-signed certificate' "
                + "for this server if it deliberately uses its own certificate.";
    }

    static String hostnameMismatch(MailConnection c, String certificate) {
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

    static String tlsHandshakeClosed(MailConnection c) {
        return "The server closed the connection during the TLS handshake. The port may not speak TLS ("
                + WellKnownPorts.usualPorts(c.protocol()) + "), or the server allows no TLS version Mailroom accepts.";
    }

    static String tlsTimedOut(MailConnection c) {
        return "The server did not answer the TLS handshake within " + c.readTimeout().toSeconds() + " s. Check the "
                + "port and security type (" + WellKnownPorts.usualPorts(c.protocol()) + ").";
    }

    static String tlsFailed(MailConnection c) {
        return "Check the security type and port for " + c.protocol() + ": " + WellKnownPorts.usualPorts(c.protocol()) + ".";
    }

    static String noStartTls(MailConnection c) {
        return "The server does not offer STARTTLS on port " + c.port() + ". Choose SSL/TLS with port "
                + WellKnownPorts.tlsPort(c.protocol()) + " if the server offers it. " + WellKnownPorts.usualPorts(c.protocol())
                + ".";
    }

    static String startTlsRefused(MailConnection c) {
        return "The server refused to start TLS. Choose SSL/TLS with port " + WellKnownPorts.tlsPort(c.protocol())
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

    static String notAMailServer(MailConnection c) {
        return "The server on port " + c.port() + " does not answer like a " + c.protocol() + " server. Check the port: "
                + WellKnownPorts.usualPorts(c.protocol()) + ".";
    }

    static String wrongCredentials() {
        return "Check the username and password; many servers want the full email address as username. "
                + "For Gmail and Microsoft 365, use an App Password or OAuth 2.0: they refuse the regular account "
                + "password for IMAP and POP3.";
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

    static String unexpected() {
        return "This failure was not expected at this step. Check the host address, port and security type for your "
                + "protocol, then test again; the server log has details.";
    }
}
