package dev.mailroom.intake.stage;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.users.DeskUser;
import dev.mailroom.users.UserRepository;

/** Finds the requester's account; "From Email user is Archived/Deleted" when it is archived or deleted. */
@Component
public class SenderAccountStage implements IntakeStage {

    private final UserRepository users;

    SenderAccountStage(UserRepository users) {
        this.users = users;
    }

    @Override
    public String name() {
        return "sender-account";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        if (context.requesterAddress().isEmpty() || context.requesterAddress().get().address() == null) {
            return StageResult.failed(AuditMessages.ERROR_CREATING_REQUEST, "the email has no sender address to raise a request for");
        }
        String address = context.requesterAddress().get().address();
        return users.findByEmail(address).map(user -> known(context, user))
                .orElseGet(() -> StageResult.pass(address + " is not a registered user"));
    }

    private static StageResult known(IntakeContext context, DeskUser user) {
        if (!user.active()) {
            return StageResult.ignored(AuditMessages.SENDER_ARCHIVED_OR_DELETED,
                    "user " + user.email() + " (#" + user.id() + ") is " + user.status().name().toLowerCase()
                            + "; restore the account in User Management to accept their mail");
        }
        context.requester(user);
        return StageResult.pass(user.email() + " is " + (user.guest() ? "a guest " : "a ") + user.kind().name().toLowerCase()
                + " (#" + user.id() + ")");
    }
}
