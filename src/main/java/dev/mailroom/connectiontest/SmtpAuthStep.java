package dev.mailroom.connectiontest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mailroom.transport.OAuthSignInException;
import dev.mailroom.transport.SmtpConnection;

/**
 * Signs in with the username and password, through AUTH PLAIN or, when the server offers only that, AUTH LOGIN, so
 * the server's own answer (235, or 535 for wrong credentials) is shown. Only the server's lines are ever reported,
 * never what Mailroom sent.
 */
final class SmtpAuthStep implements Step<SmtpProbe> {

    private static final int ACCEPTED = 235;
    private static final int CONTINUE = 334;

    @Override
    public ConnectionStep id() {
        return ConnectionStep.AUTH;
    }

    @Override
    public Outcome run(SmtpProbe probe) throws IOException {
        SmtpConnection c = probe.connection;
        Optional<String> offered = probe.extension("AUTH");
        if (offered.isEmpty()) {
            return Outcome.failed("The server offers no sign-in (AUTH)", String.join("\n", probe.extensions),
                    Hints.smtpNoAuthOffered(c));
        }
        List<String> mechanisms = Arrays.asList(offered.get().toUpperCase(Locale.ROOT).split("[\\s=]+"));
        SmtpDialogue dialogue = probe.dialogue();
        SmtpDialogue.Reply reply;
        String mechanism;
        if (c.signsInWithToken()) {
            if (!mechanisms.contains("XOAUTH2")) {
                return Outcome.failed("The server offers no OAuth 2.0 sign-in (AUTH " + offered.get() + ")",
                        String.join("\n", probe.extensions), Hints.tokenRefused());
            }
            return xoauth2(dialogue, c);
        }
        if (mechanisms.contains("PLAIN")) {
            mechanism = "PLAIN";
            reply = dialogue.command("AUTH PLAIN " + base64("\0" + c.username() + "\0" + c.password()));
        } else if (mechanisms.contains("LOGIN")) {
            mechanism = "LOGIN";
            reply = dialogue.command("AUTH LOGIN");
            if (reply.is(CONTINUE)) {
                reply = dialogue.command(base64(c.username()));
            }
            if (reply.is(CONTINUE)) {
                reply = dialogue.command(base64(c.password()));
            }
        } else {
            return Outcome.failed("The server offers no password sign-in Mailroom can use (AUTH " + offered.get() + ")",
                    String.join("\n", probe.extensions), Hints.smtpNoUsableMechanism("AUTH " + offered.get()));
        }
        return judge(reply, mechanism, c).withReplyCode(reply.code());
    }

    /** XOAUTH2 with the access token, and once more with a renewed one if the server refuses it. */
    private static Outcome xoauth2(SmtpDialogue dialogue, SmtpConnection c) throws IOException {
        try {
            String token = c.tokenSignIn().accessToken();
            SmtpDialogue.Reply reply = xoauth2(dialogue, c.username(), token);
            if (!reply.is(ACCEPTED) && !reply.temporary()) {
                reply = xoauth2(dialogue, c.username(), c.tokenSignIn().renewAfterRejection(token));
            }
            if (reply.is(ACCEPTED)) {
                return Outcome.passed("Signed in as " + c.username() + " (AUTH XOAUTH2)", reply.text()).withReplyCode(reply.code());
            }
            return Outcome.failed("The server refused the access token of " + c.username() + " (AUTH XOAUTH2)",
                    reply.text(), reply.temporary() ? Hints.smtpTemporaryFailure() : Hints.tokenRefused())
                    .withReplyCode(reply.code());
        } catch (OAuthSignInException e) {
            return Outcome.failed("No access token: " + e.getMessage(), null, Hints.oauthToken(e.lasting()));
        }
    }

    private static SmtpDialogue.Reply xoauth2(SmtpDialogue dialogue, String username, String token) throws IOException {
        SmtpDialogue.Reply reply = dialogue.command("AUTH XOAUTH2 " + base64("user=" + username + "\u0001auth=Bearer "
                + token + "\u0001\u0001"));
        // A refusal may come as a 334 challenge with the error; an empty line ends it with the final reply.
        return reply.is(CONTINUE) ? dialogue.command("") : reply;
    }

    private static Outcome judge(SmtpDialogue.Reply reply, String mechanism, SmtpConnection c) {
        if (reply.is(ACCEPTED)) {
            return Outcome.passed("Signed in as " + c.username() + " (AUTH " + mechanism + ")", reply.text());
        }
        String detail = "The server refused the sign-in of " + c.username() + " (AUTH " + mechanism + ")";
        if (reply.is(535) || reply.is(534) || reply.is(CONTINUE)) {
            return Outcome.failed(detail, reply.text(), Hints.smtpWrongCredentials());
        }
        if (reply.is(538)) {
            return Outcome.failed(detail, reply.text(), Hints.smtpAuthNeedsEncryption());
        }
        if (reply.temporary()) {
            return Outcome.failed(detail, reply.text(), Hints.smtpTemporaryFailure());
        }
        return Outcome.failed(detail, reply.text(), Hints.smtpWrongCredentials());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
