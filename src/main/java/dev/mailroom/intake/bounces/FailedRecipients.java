package dev.mailroom.intake.bounces;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.mailroom.addresses.AddressSyntax;
import dev.mailroom.intake.parse.AddressHeaders;
import dev.mailroom.intake.parse.EmailAddress;
import dev.mailroom.intake.parse.MailKind;
import dev.mailroom.intake.parse.ParsedEmail;
import dev.mailroom.intake.parse.RecipientStatus;

/**
 * The recipients a bounce failed for, from the surest source it has: the delivery status report (RFC 3464) when it
 * names them with a status; else the {@code X-Failed-Recipients} header (Exim) or a report without statuses, with
 * the reason the plain text gives for each; else the plain text alone ({@link PlainTextBounces}).
 */
public final class FailedRecipients {

    private FailedRecipients() {
    }

    public static List<FailedRecipient> of(ParsedEmail email) {
        if (email.signals().kind() != MailKind.BOUNCE) {
            return List.of();
        }
        List<RecipientStatus> reported = email.deliveryReport().failures();
        boolean withStatus = !reported.isEmpty() && reported.stream().allMatch(r -> r.status() != null);
        if (withStatus) {
            Map<String, FailedRecipient> unique = new LinkedHashMap<>();
            reported.forEach(r -> unique.putIfAbsent(AddressSyntax.key(r.address()), FailedRecipient.of(r.address(), r.action(),
                    r.status(), r.diagnostic(), "delivery status report")));
            return List.copyOf(unique.values());
        }
        List<FailedRecipient> fromText = PlainTextBounces.find(email.body().text(), notRecipients(email.addresses()));
        if (reported.isEmpty()) {
            return !fromText.isEmpty() ? fromText : PlainTextBounces.aolScreenNames(email.body().text(),
                    email.addresses().author().map(EmailAddress::domain).orElse(null));
        }
        Map<String, FailedRecipient> textByAddress = fromText.stream()
                .collect(Collectors.toMap(r -> AddressSyntax.key(r.address()), Function.identity(), (a, b) -> a));
        List<FailedRecipient> merged = new ArrayList<>();
        for (RecipientStatus r : reported) {
            FailedRecipient text = textByAddress.get(AddressSyntax.key(r.address()));
            String diagnostic = r.diagnostic() != null ? r.diagnostic() : text == null ? null : text.diagnostic();
            String source = r.status() == null && r.diagnostic() == null ? "X-Failed-Recipients" : "delivery status report";
            merged.add(FailedRecipient.of(r.address(), r.action(), r.status(), diagnostic,
                    text != null && r.diagnostic() == null ? source + " and plain text" : source));
        }
        return List.copyOf(merged);
    }

    private static Set<String> notRecipients(AddressHeaders addresses) {
        Set<String> keys = new HashSet<>();
        Stream.of(addresses.from(), addresses.to(), addresses.cc(), addresses.replyTo(), addresses.deliveredTo())
                .flatMap(List::stream).map(EmailAddress::address).filter(a -> a != null).map(AddressSyntax::key)
                .forEach(keys::add);
        if (addresses.sender() != null && addresses.sender().address() != null) {
            keys.add(AddressSyntax.key(addresses.sender().address()));
        }
        return keys;
    }
}
