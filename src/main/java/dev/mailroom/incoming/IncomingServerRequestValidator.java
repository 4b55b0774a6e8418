package dev.mailroom.incoming;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import dev.mailroom.addresses.AddressSyntax;
import dev.mailroom.addresses.FieldChecks;
import dev.mailroom.addresses.FilterType;
import dev.mailroom.lookups.LookupKind;
import dev.mailroom.lookups.LookupRepository;
import dev.mailroom.outgoing.OutgoingServerRepository;
import dev.mailroom.transport.MailProtocol;
import dev.mailroom.transport.WellKnownPorts;

/**
 * The rules of an incoming server that span fields or need the database, reported together with the Bean
 * Validation errors as one problem details answer. Rejected values are never recorded, so no password can end up
 * in an exception message.
 */
@Component
public class IncomingServerRequestValidator implements Validator {

    private static final int MAX_PREFIX_LENGTH = 20;

    private final LookupRepository lookups;
    private final OutgoingServerRepository outgoingServers;

    IncomingServerRequestValidator(LookupRepository lookups, OutgoingServerRepository outgoingServers) {
        this.lookups = lookups;
        this.outgoingServers = outgoingServers;
    }

    @Override
    public boolean supports(Class<?> type) {
        return IncomingServerRequest.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        IncomingServerRequest request = (IncomingServerRequest) target;
        FieldChecks.eachUnique(errors, "mailboxAddresses", request.mailboxAddresses(), AddressSyntax::isAddress,
                "is not an email address");
        FieldChecks.host(errors, request.host(), "imap.example.com");
        if (request.protocol() != null && request.security() != null) {
            portAndSecurity(errors, request);
            folderAndAfterProcessing(errors, request);
        }
        FieldChecks.eachUnique(errors, "requestIdPrefixes", request.requestIdPrefixes(),
                prefix -> prefix.length() <= MAX_PREFIX_LENGTH && prefix.chars().noneMatch(Character::isWhitespace),
                "must be at most " + MAX_PREFIX_LENGTH + " characters without spaces, such as INC- or REQ-");
        filter(errors, request);
        lookup(errors, "technicianGroupId", LookupKind.TECHNICIAN_GROUP, request.technicianGroupId());
        lookup(errors, "categoryId", LookupKind.CATEGORY, request.categoryId());
        if (request.outgoingServerId() != null && outgoingServers.findById(request.outgoingServerId()).isEmpty()) {
            FieldChecks.reject(errors, "outgoingServerId", "Outgoing server " + request.outgoingServerId()
                    + " does not exist; leave it empty to send through the default server");
        }
        if (request.password() != null && request.password().length() > IncomingServerRequest.MAX_PASSWORD_LENGTH) {
            FieldChecks.reject(errors, "password", "must be at most " + IncomingServerRequest.MAX_PASSWORD_LENGTH + " characters");
        }
    }

    private static void portAndSecurity(Errors errors, IncomingServerRequest request) {
        int port = request.effectivePort();
        if (port >= 1 && port <= 65535) {
            WellKnownPorts.mismatch(request.protocol(), port, request.security())
                    .ifPresent(message -> FieldChecks.reject(errors, "security", message));
        }
    }

    private static void folderAndAfterProcessing(Errors errors, IncomingServerRequest request) {
        MailProtocol protocol = request.protocol();
        if (protocol == MailProtocol.POP3 && request.folder() != null && !request.folder().isBlank()
                && !request.folder().trim().equalsIgnoreCase(IncomingServerSettings.INBOX)) {
            FieldChecks.reject(errors, "folder", "POP3 mailboxes have only INBOX; use IMAP to fetch another folder");
        }
        AfterProcessing after = request.effectiveAfterProcessing();
        if (!after.allowedFor(protocol)) {
            FieldChecks.reject(errors, "afterProcessing", protocol == MailProtocol.POP3
                    ? "POP3 has no folders or seen flags: choose DELETE, or KEEP to leave messages on the server"
                    : protocol + " can mark a fetched message seen (MARK_SEEN), move it (MOVE) or delete it (DELETE); "
                            + "KEEP is for POP3");
        }
        if (after == AfterProcessing.MOVE) {
            String target = request.moveToFolder();
            if (target == null || target.isBlank()) {
                FieldChecks.reject(errors, "moveToFolder", "is required when fetched messages are moved (MOVE)");
            } else if (target.trim().equalsIgnoreCase(request.effectiveFolder())) {
                FieldChecks.reject(errors, "moveToFolder", "must differ from the fetched folder, or moved messages would be fetched again");
            }
        }
    }

    private static void filter(Errors errors, IncomingServerRequest request) {
        FieldChecks.addressesOrDomains(errors, "filterEntries", request.filterEntries());
        if (request.filterType() == FilterType.ALLOW && IncomingServerRequest.trimmed(request.filterEntries()).isEmpty()) {
            FieldChecks.reject(errors, "filterEntries", "an Allow filter needs at least one address or domain; "
                    + "an empty Allow list would ignore every sender");
        }
    }

    private void lookup(Errors errors, String field, LookupKind kind, Long id) {
        if (id != null && lookups.findById(kind, id).isEmpty()) {
            FieldChecks.reject(errors, field, kind.label() + " " + id + " does not exist");
        }
    }
}
