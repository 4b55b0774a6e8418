package dev.mailroom.connectiontest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.mailroom.transport.MailEndpoint;

final class DnsLookupStep implements Step<Probe> {

    @Override
    public ConnectionStep id() {
        return ConnectionStep.DNS_LOOKUP;
    }

    @Override
    public Outcome run(Probe probe) {
        MailEndpoint c = probe.endpoint;
        if (neverResolves(c.host())) {
            return Outcome.failed("'" + c.host() + "' is under .invalid, a name reserved never to exist (RFC 6761)", null,
                    Hints.unknownHost(c));
        }
        try {
            probe.addresses = List.of(InetAddress.getAllByName(c.host()));
        } catch (UnknownHostException e) {
            return Outcome.failed("The host name '" + c.host() + "' could not be resolved", null, Hints.unknownHost(c));
        }
        String addresses = probe.addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
        return Outcome.passed(addresses.equals(c.host()) ? c.host() + " is an IP address" : c.host() + " resolved to " + addresses,
                null);
    }

    /** RFC 6761 names that must not be looked up at all, so the answer comes without asking any DNS server. */
    private static boolean neverResolves(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return name.equals("invalid") || name.endsWith(".invalid");
    }
}
