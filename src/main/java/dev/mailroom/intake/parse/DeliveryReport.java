package dev.mailroom.intake.parse;

import java.util.List;

/**
 * What a bounce says about the mail it returns: the recipients it failed for, and the Message-IDs of the returned
 * message (from the delivery report, the returned headers or message, or header lines quoted in a plain-text
 * bounce). Empty for mail that is not a bounce.
 */
public record DeliveryReport(List<RecipientStatus> recipients, List<String> returnedMessageIds) {

    public static final DeliveryReport NONE = new DeliveryReport(List.of(), List.of());

    public DeliveryReport {
        recipients = List.copyOf(recipients);
        returnedMessageIds = List.copyOf(returnedMessageIds);
    }

    public List<RecipientStatus> failures() {
        return recipients.stream().filter(r -> r.action() == null || "failed".equals(r.action())).toList();
    }
}
