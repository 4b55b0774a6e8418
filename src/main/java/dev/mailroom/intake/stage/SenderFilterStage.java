package dev.mailroom.intake.stage;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.intake.parse.EmailAddress;

/** "Sender matched spam/ignore filter": the author is on the server's Ignore list, or not on its Allow list. */
@Component
public class SenderFilterStage implements IntakeStage {

    @Override
    public String name() {
        return "sender-filter";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        String sender = context.email().addresses().author().map(EmailAddress::address).orElse(null);
        if (sender == null) {
            return StageResult.pass("the email names no sender");
        }
        return context.settings()
                .flatMap(settings -> settings.senderFilter().whyIgnored(sender))
                .map(why -> StageResult.ignored(AuditMessages.SENDER_FILTERED, why))
                .orElseGet(() -> StageResult.pass(sender + " passes the server's Filter Configuration"));
    }
}
