package dev.mailroom.outgoing.sending;

/**
 * Why an attempt failed, in the admin's words (the step, and the server's answer or the error), and whether trying
 * again later can help: 4xx replies, refused connections, timeouts and broken connections can; 5xx replies, a
 * refused login and an untrusted certificate cannot until the admin changes something.
 */
record SmtpFailure(boolean permanent, String description) {

    static SmtpFailure permanent(String description) {
        return new SmtpFailure(true, description);
    }

    static SmtpFailure temporary(String description) {
        return new SmtpFailure(false, description);
    }

    /** A reply code: 5xx is permanent, anything else (4xx) worth retrying. */
    static SmtpFailure ofReply(int code, String description) {
        return new SmtpFailure(code >= 500, description);
    }
}
