package dev.mailroom.addresses;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/**
 * Checks the mail server forms (incoming and outgoing) share, reported as field errors next to the Bean Validation
 * ones. Rejected values are never recorded, so no password can end up in an exception message.
 */
public final class FieldChecks {

    private FieldChecks() {
    }

    /** A host name or IP address, not a URL and without the port; {@code example} names the server kind. */
    public static void host(Errors errors, String host, String example) {
        if (host == null || host.isBlank()) {
            return;
        }
        String trimmed = host.trim();
        if (trimmed.contains("://")) {
            reject(errors, "host", "enter the host name only, such as " + example + ", without a scheme like "
                    + example.substring(0, example.indexOf('.')) + "://");
        } else if (trimmed.matches("[^:]+:\\d+")) {
            reject(errors, "host", "enter the port in the port field, not after the host name");
        } else if (!trimmed.matches("[A-Za-z0-9.\\-]+|\\[?[0-9A-Fa-f:.]+]?")) {
            reject(errors, "host", "is not a host name or IP address");
        }
    }

    /** Addresses (someone@example.com) or domains (example.com, also typed as @example.com), each listed once. */
    public static void addressesOrDomains(Errors errors, String field, List<String> entries) {
        eachUnique(errors, field, entries,
                entry -> AddressSyntax.isAddress(entry) || AddressSyntax.isDomain(entry.startsWith("@") ? entry.substring(1) : entry),
                "must be an email address (someone@example.com) or a domain (example.com)");
    }

    /** Checks each entry of a list, naming the entry by index ({@code mailboxAddresses[1]}); duplicates count too. */
    public static void eachUnique(Errors errors, String field, List<String> values, Predicate<String> valid, String message) {
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
                reject(errors, entryField, quoted(value.trim()) + " " + message);
            } else if (!seen.add(AddressSyntax.key(value.startsWith("@") ? value.substring(1) : value))) {
                reject(errors, entryField, "is listed twice");
            }
        }
    }

    /** An entry as a message names it: {@code "bob@"}, so that of several entries the wrong one is plain. */
    public static String quoted(String value) {
        return "\"" + value + "\"";
    }

    public static void reject(Errors errors, String field, String message) {
        if (errors instanceof BindingResult result) {
            result.addError(new FieldError(errors.getObjectName(), field, null, false, null, null, message));
        } else {
            errors.reject("invalid", field + ": " + message);
        }
    }
}
