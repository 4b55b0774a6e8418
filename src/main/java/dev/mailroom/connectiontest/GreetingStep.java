package dev.mailroom.connectiontest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Security NONE: the server must greet in plain text right away. */
final class GreetingStep implements Step<MailboxProbe> {

    @Override
    public ConnectionStep id() {
        return ConnectionStep.GREETING;
    }

    @Override
    public Outcome run(MailboxProbe probe) throws IOException {
        MailDialogue dialogue = probe.dialogue();
        Greetings.Greeting greeting = Greetings.read(dialogue, probe.connection, false);
        if (greeting.failure() != null) {
            return greeting.failure();
        }
        List<String> answers = new ArrayList<>(List.of(greeting.line()));
        answers.addAll(dialogue.capabilities());
        probe.endDialogue(dialogue);
        return Outcome.passed("The server greeted in plain text. Without SSL/TLS or STARTTLS the password and mail "
                + "travel unencrypted.", String.join("\n", answers));
    }
}
