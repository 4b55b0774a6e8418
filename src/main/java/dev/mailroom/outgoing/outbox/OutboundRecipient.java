package dev.mailroom.outgoing.outbox;

/** One address an outbox email goes to. */
public record OutboundRecipient(RecipientKind kind, String address) {

    public static OutboundRecipient to(String address) {
        return new OutboundRecipient(RecipientKind.TO, address);
    }

    public static OutboundRecipient cc(String address) {
        return new OutboundRecipient(RecipientKind.CC, address);
    }
}
