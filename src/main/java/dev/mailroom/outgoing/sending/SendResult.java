package dev.mailroom.outgoing.sending;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the server made of one message: the recipients it accepted (with its answer after DATA), those it refused
 * one by one (RCPT TO), and a failure of the whole message that applies to everyone else.
 */
final class SendResult {

    private final Set<String> accepted = new HashSet<>();
    private final Map<String, SmtpFailure> refused = new HashMap<>();
    private SmtpFailure messageFailure;
    private String serverAnswer;

    static SendResult failed(SmtpFailure failure) {
        SendResult result = new SendResult();
        result.messageFailure = failure;
        return result;
    }

    void accept(String address) {
        accepted.add(key(address));
    }

    void refuse(String address, SmtpFailure failure) {
        refused.put(key(address), failure);
    }

    void failMessage(SmtpFailure failure) {
        messageFailure = failure;
    }

    void serverAnswer(String answer) {
        serverAnswer = answer;
    }

    String serverAnswer() {
        return serverAnswer;
    }

    /** Why the whole message failed (connecting, signing in, MAIL FROM, DATA), or null. */
    SmtpFailure messageFailure() {
        return messageFailure;
    }

    boolean acceptedAny() {
        return !accepted.isEmpty();
    }

    boolean accepted(String address) {
        return accepted.contains(key(address));
    }

    /** Why this recipient did not get the message; only asked for recipients that were not accepted. */
    SmtpFailure failureFor(String address) {
        SmtpFailure own = refused.get(key(address));
        if (own != null) {
            return own;
        }
        return messageFailure != null ? messageFailure
                : SmtpFailure.temporary("The outgoing server did not accept the message for this recipient");
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
