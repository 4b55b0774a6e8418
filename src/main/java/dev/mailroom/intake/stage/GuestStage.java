package dev.mailroom.intake.stage;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;

/**
 * "Guest User is not allowed to create/update request": an unknown sender, with guest ticket creation off. Applies to
 * new tickets and replies alike; with it on, the sender becomes a guest user when the ticket is made.
 */
@Component
public class GuestStage implements IntakeStage {

    @Override
    public String name() {
        return "guest";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        if (context.requester().isPresent()) {
            return StageResult.pass("the sender is a registered user");
        }
        String address = context.requesterAddress().map(a -> a.address()).orElse("the sender");
        if (!context.preference().guestTicketCreation()) {
            return StageResult.failed(AuditMessages.GUEST_NOT_ALLOWED, address
                    + " is not a registered user and guest ticket creation is off (Email Preference)");
        }
        return StageResult.pass(address + " will be a guest user (guest ticket creation is on)");
    }
}
