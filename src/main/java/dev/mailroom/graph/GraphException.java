package dev.mailroom.graph;

import jakarta.mail.MessagingException;

/**
 * Graph answered a call with an error, described for the audit: its status, error code and message, and what the admin
 * can do about it. {@link #transientFailure()} tells throttling and Graph's own trouble (429, 5xx), which pass by
 * themselves, from a refusal that lasts until the configuration changes (4xx).
 */
public class GraphException extends MessagingException {

    private final int status;
    private final String code;
    private final boolean transientFailure;
    private final String answer;
    private final String hint;

    public GraphException(String doing, GraphResponse response) {
        super(message(doing, response));
        this.status = response.status();
        this.code = response.errorCode();
        this.transientFailure = response.transientFailure();
        this.answer = response.describe();
        this.hint = GraphHints.of(response);
    }

    private static String message(String doing, GraphResponse response) {
        String hint = GraphHints.of(response);
        return "Microsoft Graph refused to " + doing + " (" + response.describe() + ")" + (hint == null ? "" : "; " + hint);
    }

    /** Graph's own words: "403 ErrorAccessDenied: Access is denied. …". */
    public String answer() {
        return answer;
    }

    /** What to change, or null. */
    public String hint() {
        return hint;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean transientFailure() {
        return transientFailure;
    }

    /** The item asked for is not there (any more): a message already moved or deleted, a folder that does not exist. */
    public boolean notFound() {
        return status == 404;
    }
}
