package dev.mailroom.incoming;

import java.util.List;

import dev.mailroom.addresses.AddressFilter;
import dev.mailroom.addresses.AddressSyntax;
import dev.mailroom.addresses.FilterType;
import dev.mailroom.transport.MailProtocol;
import dev.mailroom.transport.MailSecurity;

/**
 * What an admin configured for one incoming server, validated and with defaults applied; the password is kept apart
 * (encrypted in {@link IncomingServer}). The fetcher reads the mailbox settings, the intake the ticket settings.
 */
public record IncomingServerSettings(
        String name,
        List<String> mailboxAddresses,
        MailProtocol protocol,
        String host,
        int port,
        MailSecurity security,
        String username,
        String folder,
        int pollIntervalSeconds,
        boolean enabled,
        AfterProcessing afterProcessing,
        String moveToFolder,
        long maxMessageSizeBytes,
        List<String> requestIdPrefixes,
        boolean ccTicketCreation,
        boolean bccTicketCreation,
        FilterType filterType,
        List<String> filterEntries,
        Long technicianGroupId,
        Long categoryId,
        boolean trustSelfSignedCertificate,
        int connectTimeoutSeconds,
        int readTimeoutSeconds,
        Long outgoingServerId) {

    public static final String INBOX = "INBOX";
    public static final int DEFAULT_POLL_INTERVAL_SECONDS = 60;
    public static final int MIN_POLL_INTERVAL_SECONDS = 10;
    public static final long DEFAULT_MAX_MESSAGE_SIZE_BYTES = 50L * 1024 * 1024;
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
    public static final int DEFAULT_READ_TIMEOUT_SECONDS = 30;

    public IncomingServerSettings {
        mailboxAddresses = List.copyOf(mailboxAddresses);
        requestIdPrefixes = List.copyOf(requestIdPrefixes);
        filterEntries = List.copyOf(filterEntries);
    }

    public AddressFilter senderFilter() {
        return new AddressFilter(filterType, filterEntries);
    }

    /** Whether mail to this address is mail to this server's mailbox (compared case-insensitively). */
    public boolean serves(String address) {
        return address != null && mailboxAddresses.stream().map(AddressSyntax::key).anyMatch(AddressSyntax.key(address)::equals);
    }
}
