package dev.mailroom.intake.stage;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.intake.parse.MailKind;
import dev.mailroom.intake.parse.MailSignals;
import dev.mailroom.intake.parse.Signal;

/**
 * Mail that a machine sent on its own (out-of-office and other automatic replies, challenge-response requests,
 * bounces, delay warnings and delivery reports, read receipts, complaint reports, list and bulk mail) never opens a
 * ticket: answering it would start a mail loop. The trace names the signal ({@code MailKind}) and its evidence.
 */
@Component
public class AutomatedMailStage implements IntakeStage {

    @Override
    public String name() {
        return "automated-mail";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        MailSignals signals = context.email().signals();
        MailKind kind = signals.kind();
        if (kind == MailKind.PERSONAL) {
            return StageResult.pass("written by a person (no automatic-mail headers or report structure)");
        }
        return StageResult.ignored(AuditMessages.AUTOMATIC_MAIL,
                describe(kind) + " (signal " + kind + "): " + evidence(signals, kind));
    }

    static String describe(MailKind kind) {
        return switch (kind) {
            case AUTO_REPLY -> "an automatic reply (out-of-office or similar)";
            case CHALLENGE_RESPONSE -> "a challenge-response request (the sender is asked to prove to be a person)";
            case BOUNCE -> "a delivery failure report (bounce)";
            case DELAY_WARNING -> "a delivery delay warning";
            case DELIVERY_REPORT -> "a delivery status report";
            case READ_RECEIPT -> "a read receipt";
            case FEEDBACK_REPORT -> "a complaint (feedback) report";
            case LIST_OR_BULK -> "list or bulk mail";
            case PERSONAL -> "personal mail";
        };
    }

    private static String evidence(MailSignals signals, MailKind kind) {
        Signal signal = switch (kind) {
            case AUTO_REPLY -> signals.autoReply();
            case CHALLENGE_RESPONSE -> signals.challengeResponse();
            case BOUNCE -> signals.bounce();
            case DELAY_WARNING -> signals.delayWarning();
            case DELIVERY_REPORT -> signals.deliveryReport();
            case READ_RECEIPT -> signals.readReceipt();
            case FEEDBACK_REPORT -> signals.feedbackReport();
            case LIST_OR_BULK -> signals.listOrBulk();
            case PERSONAL -> Signal.ABSENT;
        };
        return signal.reason() == null ? "(no detail)" : signal.reason();
    }
}
