package dev.mailroom.intake.stage;

import org.springframework.stereotype.Component;

import dev.mailroom.addresses.AddressFilter;
import dev.mailroom.addresses.FilterType;
import dev.mailroom.audit.AuditMessages;
import dev.mailroom.incoming.IncomingServerSettings;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.intake.parse.ForwardedMessage;

/**
 * "Original sender of email is ignored because marked as ignored": a forward of mail from a sender on the server's
 * Ignore list. Under an Allow list the forwarder is the sender that must be allowed (the sender-filter stage).
 */
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
        AddressFilter filter = context.settings().map(IncomingServerSettings::senderFilter).orElse(null);
        if (filter == null || filter.type() != FilterType.IGNORE) {
            // An Allow list names who may write to the desk: the forwarder, who passed it. Whom they forward from (a
            // phishing report, a supplier's email) is theirs to choose; only the Ignore list speaks of original senders.
            return StageResult.pass("forwards an email from " + original + "; the server has no Ignore list");
        }
        return filter.whyIgnored(original)
                .map(why -> StageResult.failed(AuditMessages.ORIGINAL_SENDER_IGNORED,
                        "forwards an email (" + forwarded.source() + ") whose original sender " + why))
                .orElseGet(() -> StageResult.pass("forwards an email from " + original + ", who is not ignored"));
    }
}
