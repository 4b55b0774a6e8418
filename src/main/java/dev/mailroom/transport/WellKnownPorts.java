package dev.mailroom.transport;

import java.util.Arrays;
import java.util.Optional;

/**
 * The standard ports of IMAP and POP3, and the port/security combinations that are surely wrong: on one of these
 * ports the server either starts with TLS or starts in plain text, and the other choice cannot work.
 */
public final class WellKnownPorts {

    private enum Known {
        IMAP_PLAIN(143, MailProtocol.IMAP, false),
        IMAPS(993, MailProtocol.IMAP, true),
        POP3_PLAIN(110, MailProtocol.POP3, false),
        POP3S(995, MailProtocol.POP3, true);

        final int port;
        final MailProtocol protocol;
        final boolean implicitTls;

        Known(int port, MailProtocol protocol, boolean implicitTls) {
            this.port = port;
            this.protocol = protocol;
            this.implicitTls = implicitTls;
        }

        String describe() {
            return "port " + port + " is " + protocol + (implicitTls ? " over SSL/TLS" : " with STARTTLS (or no security)");
        }
    }

    private WellKnownPorts() {
    }

    public static int defaultPort(MailProtocol protocol, MailSecurity security) {
        return security == MailSecurity.SSL_TLS ? tlsPort(protocol) : plainPort(protocol);
    }

    public static int plainPort(MailProtocol protocol) {
        return switch (protocol) {
            case IMAP -> 143;
            case POP3 -> 110;
            case GRAPH -> 80;
        };
    }

    public static int tlsPort(MailProtocol protocol) {
        return switch (protocol) {
            case IMAP -> 993;
            case POP3 -> 995;
            case GRAPH -> 443;
        };
    }

    /** "IMAP uses port 143 with STARTTLS and port 993 with SSL/TLS". */
    public static String usualPorts(MailProtocol protocol) {
        if (protocol == MailProtocol.GRAPH) {
            return "Microsoft Graph uses HTTPS on port 443";
        }
        return protocol + " uses port " + plainPort(protocol) + " with STARTTLS and port " + tlsPort(protocol)
                + " with SSL/TLS";
    }

    /** Whether a port is known to start with TLS, to start in plain text, or is not a standard mail port. */
    public static Optional<Boolean> startsWithTls(int port) {
        return known(port).map(known -> known.implicitTls);
    }

    /**
     * A message naming the right combination when protocol, port and security cannot work together, such as
     * "port 995 is POP3 over SSL/TLS; choose SSL/TLS, or port 110 with STARTTLS".
     */
    public static Optional<String> mismatch(MailProtocol protocol, int port, MailSecurity security) {
        return known(port).flatMap(known -> {
            if (known.protocol != protocol) {
                return Optional.of(known.describe() + ", not " + protocol + "; " + usualPorts(protocol));
            }
            if (known.implicitTls && security != MailSecurity.SSL_TLS) {
                return Optional.of(known.describe() + "; choose SSL/TLS, or port " + plainPort(protocol) + " with STARTTLS");
            }
            if (!known.implicitTls && security == MailSecurity.SSL_TLS) {
                return Optional.of(known.describe() + "; choose STARTTLS, or port " + tlsPort(protocol) + " with SSL/TLS");
            }
            return Optional.empty();
        });
    }

    private static Optional<Known> known(int port) {
        return Arrays.stream(Known.values()).filter(known -> known.port == port).findFirst();
    }
}
