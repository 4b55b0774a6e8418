package dev.mailroom.incoming.fetch;

/** How one poll went: messages stored, messages left for the next poll, and failures in a row so far (0 on success). */
public record PollResult(int stored, int backlog, int consecutiveFailures) {

    public boolean failed() {
        return consecutiveFailures > 0;
    }
}
