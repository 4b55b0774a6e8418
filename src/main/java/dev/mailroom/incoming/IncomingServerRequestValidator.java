package dev.mailroom.incoming;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;

import dev.mailroom.incoming.connection.MailProtocol;
import dev.mailroom.incoming.connection.WellKnownPorts;
import dev.mailroom.lookups.LookupKind;
import dev.mailroom.lookups.LookupRepository;

/**
 * The rules of an incoming server that span fields or need the database, reported together with the Bean
 * Validation errors as one problem details answer. Rejected values are never recorded, so no password can end up
 * in an exception message.
 */
@Component
class IncomingServerRequestValidator implements Validator {

    private static final int MAX_PREFIX_LENGTH = 20;

    private final LookupRepository lookups;

    IncomingServerRequestValidator(LookupRepository lookups) {
        this.lookups = lookups;
    }

    @Override
    public boolean supports(Class<?> type) {
        return IncomingServerRequest.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        IncomingServerRequest request = (IncomingServerRequest) target;
        eachUnique(errors, "mailboxAddresses", request.mailboxAddresses(), AddressSyntax::isAddress,
                "is not an email address");
        host(errors, request.host());
        if (request.protocol() != null && request.security() != null) {
            portAndSecurity(errors, request);
            folderAndAfterProcessing(errors, request);
        }
        eachUnique(errors, "requestIdPrefixes", request.requestIdPrefixes(),
                prefix -> prefix.length() <= MAX_PREFIX_LENGTH && prefix.chars().noneMatch(Character::isWhitespace),
                "must be at most " + MAX_PREFIX_LENGTH + " characters without spaces, such as INC- or REQ-");
        filter(errors, request);
        lookup(errors, "technicianGroupId", LookupKind.TECHNICIAN_GROUP, request.technicianGroupId());
        lookup(errors, "categoryId", LookupKind.CATEGORY, request.categoryId());
        if (request.password() != null && request.password().length() > IncomingServerRequest.MAX_PASSWORD_LENGTH) {
            reject(errors, "password", "must be at most " + IncomingServerRequest.MAX_PASSWORD_LENGTH + " characters");
        }
    }

    private static void host(Errors errors, String host) {
        if (host == null || host.isBlank()) {
            return;
        }
        String trimmed = host.trim();
        if (trimmed.contains("://")) {
            reject(errors, "host", "enter the host name only, such as imap.example.com, without a scheme like imap://");
        } else if (trimmed.matches("[^:]+:\\d+")) {
            reject(errors, "host", "enter the port in the port field, not after the host name");
        } else if (!trimmed.matches("[A-Za-z0-9.\\-]+|\\[?[0-9A-Fa-f:.]+]?")) {
            reject(errors, "host", "is not a host name or IP address");
        }
    }

    private static void portAndSecurity(Errors errors, IncomingServerRequest request) {
        int port = request.effectivePort();
        if (port >= 1 && port <= 65535) {
            WellKnownPorts.mismatch(request.protocol(), port, request.security())
                    .ifPresent(message -> reject(errors, "security", message));
        }
    }

    private static void folderAndAfterProcessing(Errors errors, IncomingServerRequest request) {
        MailProtocol protocol = request.protocol();
        if (protocol == MailProtocol.POP3 && request.folder() != null && !request.folder().isBlank()
                && !request.folder().trim().equalsIgnoreCase(IncomingServerSettings.INBOX)) {
            reject(errors, "folder", "POP3 mailboxes have only INBOX; use IMAP to fetch another folder");
        }
        AfterProcessing after = request.effectiveAfterProcessing();
        if (!after.allowedFor(protocol)) {
            reject(errors, "afterProcessing", protocol == MailProtocol.IMAP
                    ? "IMAP can mark a fetched message seen (MARK_SEEN), move it (MOVE) or delete it (DELETE); KEEP is for POP3"
                    : "POP3 has no folders or seen flags: choose DELETE, or KEEP to leave messages on the server");
        }
        if (after == AfterProcessing.MOVE) {
            String target = request.moveToFolder();
            if (target == null || target.isBlank()) {
                reject(errors, "moveToFolder", "is required when fetched messages are moved (MOVE)");
            } else if (target.trim().equalsIgnoreCase(request.effectiveFolder())) {
                reject(errors, "moveToFolder", "must differ from the fetched folder, or moved messages would be fetched again");
            }
        }
    }

    private static void filter(Errors errors, IncomingServerRequest request) {
        eachUnique(errors, "filterEntries", request.filterEntries(),
                entry -> AddressSyntax.isAddress(entry) || AddressSyntax.isDomain(entry.startsWith("@") ? entry.substring(1) : entry),
                "must be an email address (someone@example.com) or a domain (example.com)");
        if (request.filterType() == FilterType.ALLOW && IncomingServerRequest.trimmed(request.filterEntries()).isEmpty()) {
            reject(errors, "filterEntries", "an Allow filter needs at least one address or domain; "
                    + "an empty Allow list would ignore every sender");
        }
    }

    private void lookup(Errors errors, String field, LookupKind kind, Long id) {
        if (id != null && lookups.findById(kind, id).isEmpty()) {
            reject(errors, field, kind.label() + " " + id + " does not exist");
        }
    }

    /** Checks each entry of a list, naming the entry by index ({@code mailboxAddresses[1]}); duplicates count too. */
    private static void eachUnique(Errors errors, String field, List<String> values, Predicate<String> valid, String message) {
        if (values == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String entryField = field + "[" + i + "]";
            if (value == null || value.isBlank()) {
                reject(errors, entryField, "must not be empty");
            } else if (!valid.test(value.trim())) {
                reject(errors, entryField, message);
            } else if (!seen.add(IncomingServerRepository.key(value.startsWith("@") ? value.substring(1) : value))) {
                reject(errors, entryField, "is listed twice");
            }
        }
    }

    private static void reject(Errors errors, String field, String message) {
        if (errors instanceof BindingResult result) {
            result.addError(new FieldError(errors.getObjectName(), field, null, false, null, null, message));
        } else {
            errors.reject("invalid", field + ": " + message);
        }
    }
}
