package dev.mailroom.intake;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.mailroom.intake.loops.LoopBreakerStage;
import dev.mailroom.intake.loops.ThreadLoopBreakerStage;
import dev.mailroom.intake.rules.RulesStage;
import dev.mailroom.intake.stage.AutomatedMailStage;
import dev.mailroom.intake.stage.BounceStage;
import dev.mailroom.intake.stage.CcBccStage;
import dev.mailroom.intake.stage.CreateTicketStage;
import dev.mailroom.intake.stage.DuplicateMessageStage;
import dev.mailroom.intake.stage.EmailToRequestStage;
import dev.mailroom.intake.stage.ForwardedSenderStage;
import dev.mailroom.intake.stage.GuestStage;
import dev.mailroom.intake.stage.OwnMailStage;
import dev.mailroom.intake.stage.ReplyStage;
import dev.mailroom.intake.stage.ReplyToStage;
import dev.mailroom.intake.stage.ReservedPrefixStage;
import dev.mailroom.intake.stage.SelfReferenceStage;
import dev.mailroom.intake.stage.SenderAccountStage;
import dev.mailroom.intake.stage.SenderFilterStage;
import dev.mailroom.intake.stage.ServerDefaultsStage;
import dev.mailroom.intake.stage.ThreadingStage;

/** The order in which the intake asks its questions: this list is the pipeline. */
@Component
class IntakeStages {

    private final List<IntakeStage> inOrder;

    IntakeStages(DuplicateMessageStage duplicate, OwnMailStage ownMail, SelfReferenceStage selfReference,
            BounceStage bounce, LoopBreakerStage loopBreaker, SenderFilterStage senderFilter, ReplyToStage replyTo,
            ForwardedSenderStage forwardedSender, SenderAccountStage senderAccount, GuestStage guest,
            ThreadingStage threading, ThreadLoopBreakerStage threadLoopBreaker, ReplyStage reply,
            AutomatedMailStage automatedMail, ReservedPrefixStage reservedPrefix, CcBccStage ccBcc,
            EmailToRequestStage emailToRequest, RulesStage rules, ServerDefaultsStage serverDefaults,
            CreateTicketStage createTicket) {
        this.inOrder = List.of(
                duplicate,
                ownMail,
                selfReference,
                // A bounce of our own notification is a note on its ticket, whoever the sender and whatever the filters.
                bounce,
                loopBreaker,
                senderFilter,
                replyTo,
                forwardedSender,
                senderAccount,
                guest,
                threading,
                threadLoopBreaker,
                reply,
                // Automatic mail that threads nowhere never makes a ticket; threaded, the reply stage has kept it.
                automatedMail,
                reservedPrefix,
                ccBcc,
                emailToRequest,
                // A matching Incoming Email Rule overrides the server's defaults, which then fill only what is unset.
                rules,
                serverDefaults,
                createTicket);
    }

    List<IntakeStage> inOrder() {
        return inOrder;
    }
}
