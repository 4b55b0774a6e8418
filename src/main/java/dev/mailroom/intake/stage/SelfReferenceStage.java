package dev.mailroom.intake.stage;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;

/**
 * "Reference and In-ReplyTo are the same": the message names its own Message-ID as the one it answers, a loop.
 * An ordinary first reply, whose In-Reply-To and References both name the original, is not one.
 */
@Component
public class SelfReferenceStage implements IntakeStage {

    @Override
    public String name() {
        return "self-reference";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        var email = context.email();
        if (email.referencesItself()) {
            return StageResult.ignored(AuditMessages.REFERENCE_LOOP, "In-Reply-To/References name the email's own Message-ID "
                    + email.messageId() + ": it answers itself");
        }
        return StageResult.pass(email.referencedIds().isEmpty() ? "answers no earlier message"
                : "answers " + String.join(", ", email.referencedIds()));
    }
}
