package dev.mailroom.intake.stage;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.outgoing.OwnMailSeal;
import dev.mailroom.platform.MailIdentity;
import dev.mailroom.tickets.threading.ThreadIds;

/**
 * "System acknowledgment mail": our own notification came back in (a desk address among its recipients, a loop). Only
 * what this installation alone can write proves it: the {@link OwnMailSeal} of its Message-ID, or a Message-ID it
 * signed ({@link ThreadIds}). The {@code X-Mailroom-Notification} header or a Message-ID on our domain without them
 * is another installation's mail (or a copy): it goes on as ordinary mail, refused later if it says it is automatic.
 */
@Component
public class OwnMailStage implements IntakeStage {

    private final OwnMailSeal seal;
    private final ThreadIds threadIds;

    OwnMailStage(OwnMailSeal seal, ThreadIds threadIds) {
        this.seal = seal;
        this.threadIds = threadIds;
    }

    @Override
    public String name() {
        return "own-mail";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        var email = context.email();
        var kind = email.headers().first(MailIdentity.NOTIFICATION_HEADER);
        var sealed = email.headers().first(OwnMailSeal.HEADER);
        if (sealed.isPresent() && seal.checks(sealed.get(), email.messageId())) {
            return StageResult.ignored(AuditMessages.SYSTEM_ACKNOWLEDGMENT, "carries this installation's seal ("
                    + OwnMailSeal.HEADER + ") on its Message-ID " + email.messageId()
                    + kind.map(k -> "; " + MailIdentity.NOTIFICATION_HEADER + ": " + k).orElse(""));
        }
        if (threadIds.read(email.messageId()).signed()) {
            return StageResult.ignored(AuditMessages.SYSTEM_ACKNOWLEDGMENT,
                    "its Message-ID " + email.messageId() + " is one this installation signed");
        }
        if (kind.isPresent() || sealed.isPresent()) {
            return StageResult.pass("carries " + MailIdentity.NOTIFICATION_HEADER + " or " + OwnMailSeal.HEADER
                    + " without this installation's seal: another Mailroom's mail (or a copy), judged as any email");
        }
        return StageResult.pass("not one of our own notifications");
    }
}
