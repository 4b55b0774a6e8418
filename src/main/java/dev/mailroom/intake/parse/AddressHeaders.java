package dev.mailroom.intake.parse;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The addresses of a message. Each list is in header order without duplicates and empty when the header is absent.
 * {@code deliveredTo}, {@code originalTo} and {@code envelopeTo} come from the receiving servers (Delivered-To,
 * X-Original-To, Envelope-To) and tell where a Bcc copy was delivered.
 */
public record AddressHeaders(
        List<EmailAddress> from,
        EmailAddress sender,
        List<EmailAddress> replyTo,
        List<EmailAddress> to,
        List<EmailAddress> cc,
        List<EmailAddress> bcc,
        List<EmailAddress> deliveredTo,
        List<EmailAddress> originalTo,
        List<EmailAddress> envelopeTo) {

    public AddressHeaders {
        from = List.copyOf(from);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        deliveredTo = List.copyOf(deliveredTo);
        originalTo = List.copyOf(originalTo);
        envelopeTo = List.copyOf(envelopeTo);
    }

    /** The author: the first From address, falling back to Sender when From is missing or empty. */
    public Optional<EmailAddress> author() {
        return from.stream().findFirst().or(() -> Optional.ofNullable(sender));
    }

    /** Where the given mailbox address appears: To, Cc, only in the delivery headers (Bcc), or nowhere. */
    public MailboxPosition positionOf(String mailbox) {
        if (to.stream().anyMatch(a -> a.hasAddress(mailbox))) {
            return MailboxPosition.TO;
        }
        if (cc.stream().anyMatch(a -> a.hasAddress(mailbox))) {
            return MailboxPosition.CC;
        }
        boolean delivered = Stream.of(bcc, deliveredTo, originalTo, envelopeTo)
                .flatMap(List::stream)
                .anyMatch(a -> a.hasAddress(mailbox));
        return delivered ? MailboxPosition.BCC : MailboxPosition.NOT_NAMED;
    }
}
