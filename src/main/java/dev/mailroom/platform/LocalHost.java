package dev.mailroom.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * This machine's address, looked up once for the whole process: a host name DNS does not know costs the resolver's
 * timeout on every lookup.
 */
public final class LocalHost {

    private LocalHost() {
    }

    private static final class Lookup {
        static final Optional<InetAddress> ADDRESS = lookUp();

        private static Optional<InetAddress> lookUp() {
            try {
                return Optional.of(InetAddress.getLocalHost());
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
    }

    /** The host name, if this machine's name resolves. */
    public static Optional<String> name() {
        return Lookup.ADDRESS.map(InetAddress::getHostName);
    }

    /** The fully qualified name, if this machine's name resolves. */
    public static Optional<String> canonicalName() {
        return Lookup.ADDRESS.map(InetAddress::getCanonicalHostName);
    }
}
