package dev.mailroom.tickets;

import dev.mailroom.web.BadRequestException;

/**
 * Message-IDs are stored and looked up as RFC 5322 writes them, in angle brackets, so {@code abc@host} and
 * {@code <abc@host>} find the same conversation.
 */
public final class MessageIds {

    static final int MAX_LENGTH = 998;

    private MessageIds() {
    }

    public static String normalize(String messageId) {
        if (messageId == null || messageId.isBlank()) {
            return null;
        }
        String id = messageId.strip();
        if (!id.startsWith("<")) {
            id = "<" + id + ">";
        }
        if (id.length() > MAX_LENGTH) {
            throw new BadRequestException("messageId", "must be at most " + MAX_LENGTH + " characters");
        }
        return id;
    }
}
