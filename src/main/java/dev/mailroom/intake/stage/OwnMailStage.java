package dev.mailroom.intake.stage;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.platform.MailIdentity;

/** "System acknowledgment mail": our own notification came back in (a desk address among its recipients, a loop). */
@Component
public class OwnMailStage implements IntakeStage {

    private final MailIdentity identity;

    OwnMailStage(MailIdentity identity) {
        this.identity = identity;
    }

    @Override
    public String name() {
        return "own-mail";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        var email = context.email();
        var marker = email.headers().first(MailIdentity.NOTIFICATION_HEADER);
        if (marker.isPresent()) {
            return StageResult.ignored(AuditMessages.SYSTEM_ACKNOWLEDGMENT,
                    "carries our header " + MailIdentity.NOTIFICATION_HEADER + ": " + marker.get());
        }
        if (identity.isOwnMessageId(email.messageId())) {
            return StageResult.ignored(AuditMessages.SYSTEM_ACKNOWLEDGMENT,
                    "its Message-ID " + email.messageId() + " is one Mailroom generated (@" + identity.messageIdDomain() + ")");
        }
        return StageResult.pass("not one of our own notifications");
    }
}
