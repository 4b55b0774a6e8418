package dev.mailroom.intake.stage;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.incoming.IncomingServerSettings;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.intake.parse.AddressHeaders;
import dev.mailroom.intake.parse.MailboxPosition;

/**
 * "Ticket Creation with CC/BCC is disabled": the desk mailbox was only copied (Cc) or blind-copied (Bcc) on a new
 * email and the server does not create tickets from such copies. Replies to tickets are not affected.
 */
@Component
public class CcBccStage implements IntakeStage {

    @Override
    public String name() {
        return "cc-bcc";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        if (context.settings().isEmpty()) {
            return StageResult.pass("no server settings to apply");
        }
        IncomingServerSettings settings = context.settings().get();
        MailboxPosition position = bestPosition(context.email().addresses(), settings.mailboxAddresses());
        return switch (position) {
            case TO, NOT_NAMED -> StageResult.pass(position == MailboxPosition.TO ? "the mailbox is in To"
                    : "the mailbox is not named in To, Cc or the delivery headers (an alias or a forward); treated as To");
            case CC -> settings.ccTicketCreation() ? StageResult.pass("the mailbox is in Cc and CC ticket creation is on")
                    : StageResult.ignored(AuditMessages.CC_BCC_DISABLED, "the mailbox is only in Cc and CC ticket creation is off for this server");
            case BCC -> settings.bccTicketCreation() ? StageResult.pass("the mailbox got a Bcc copy and BCC ticket creation is on")
                    : StageResult.ignored(AuditMessages.CC_BCC_DISABLED, "the mailbox got only a Bcc copy and BCC ticket creation is off for this server");
        };
    }

    /** Where the most prominent of the server's addresses appears: To beats Cc beats Bcc. */
    private static MailboxPosition bestPosition(AddressHeaders addresses, List<String> mailboxes) {
        MailboxPosition best = MailboxPosition.NOT_NAMED;
        for (String mailbox : mailboxes) {
            MailboxPosition position = addresses.positionOf(mailbox);
            if (position == MailboxPosition.TO) {
                return position;
            }
            if (position == MailboxPosition.CC || (position == MailboxPosition.BCC && best == MailboxPosition.NOT_NAMED)) {
                best = position;
            }
        }
        return best;
    }
}
