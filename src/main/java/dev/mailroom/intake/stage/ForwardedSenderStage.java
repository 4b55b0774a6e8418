package dev.mailroom.intake.stage;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.intake.parse.ForwardedMessage;

/** "Original sender of email is ignored because marked as ignored": a forward of mail from an ignored sender. */
@Component
public class ForwardedSenderStage implements IntakeStage {

    @Override
    public String name() {
        return "forwarded-sender";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        ForwardedMessage forwarded = context.email().forwarded();
        if (forwarded == null || forwarded.originalSender() == null || forwarded.originalSender().address() == null) {
            return StageResult.pass("forwards no other email");
        }
        String original = forwarded.originalSender().address();
        Optional<String> ignored = context.settings().flatMap(settings -> settings.senderFilter().whyIgnored(original));
        return ignored
                .map(why -> StageResult.failed(AuditMessages.ORIGINAL_SENDER_IGNORED,
                        "forwards an email (" + forwarded.source() + ") whose original sender " + why))
                .orElseGet(() -> StageResult.pass("forwards an email from " + original + ", who is not ignored"));
    }
}
