package dev.mailroom.intake.stage;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.intake.parse.EmailAddress;

/**
 * With "Use Reply-To email address" on, the Reply-To address stands for the requester, and "Reply-To email is
 * marked as Ignored" when the server's filter ignores it.
 */
@Component
public class ReplyToStage implements IntakeStage {

    @Override
    public String name() {
        return "reply-to";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        if (!context.preference().useReplyToAddress()) {
            return StageResult.pass("Use Reply-To email address is off");
        }
        Optional<EmailAddress> replyTo = context.email().addresses().replyTo().stream()
                .filter(address -> address.address() != null).findFirst();
        if (replyTo.isEmpty()) {
            return StageResult.pass("no Reply-To address");
        }
        String address = replyTo.get().address();
        Optional<String> ignored = context.settings().flatMap(settings -> settings.senderFilter().whyIgnored(address));
        if (ignored.isPresent()) {
            return StageResult.ignored(AuditMessages.REPLY_TO_IGNORED, "Reply-To " + ignored.get());
        }
        context.requesterAddress(replyTo.get());
        return StageResult.pass("the requester is the Reply-To address " + address);
    }
}
