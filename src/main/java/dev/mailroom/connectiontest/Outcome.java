package dev.mailroom.connectiontest;

/**
 * What one step found; timing and naming are added by {@link StepRunner}. {@code replyCode} is the numeric answer of
 * an SMTP server (220, 250, 535 …); IMAP and POP3 answer without one.
 */
record Outcome(boolean passed, String detail, Integer replyCode, String serverResponse, String hint) {

    static Outcome passed(String detail, String serverResponse) {
        return new Outcome(true, detail, null, serverResponse, null);
    }

    static Outcome failed(String detail, String serverResponse, String hint) {
        return new Outcome(false, detail, null, serverResponse, hint);
    }

    Outcome withReplyCode(int code) {
        return new Outcome(passed, detail, code > 0 ? code : null, serverResponse, hint);
    }
}
