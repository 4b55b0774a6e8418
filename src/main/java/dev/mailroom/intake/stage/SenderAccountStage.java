package dev.mailroom.intake.stage;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.intake.parse.EmailAddress;
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
        if (!context.requesterAddress().map(SenderAccountStage::usable).orElse(false)) {
            Optional<EmailAddress> replyTo = context.email().addresses().replyTo().stream().filter(SenderAccountStage::usable).findFirst();
            if (replyTo.isEmpty()) {
                String why = "neither From, Sender nor Reply-To holds an email address ("
                        + context.requesterAddress().map(EmailAddress::original).orElse("no From header") + ")";
                // A daemon that signs as "MAILER-DAEMON" is automatic mail first, and said so.
                return context.email().signals().automated()
                        ? StageResult.ignored(AuditMessages.AUTOMATIC_MAIL, why + "; " + context.email().signals().kind())
                        : StageResult.failed(AuditMessages.NO_SENDER_ADDRESS, why);
            }
            context.requesterAddress(replyTo.get());
        }
        String address = context.requesterAddress().get().address();
        return users.findByEmail(address).map(user -> known(context, user))
                .orElseGet(() -> StageResult.pass(address + " is not a registered user"));
    }

    /** An address a user account can have: local part, @, domain, within the column's length. */
    private static boolean usable(EmailAddress address) {
        String value = address.address();
        return value != null && value.indexOf('@') > 0 && value.indexOf('@') < value.length() - 1 && value.length() <= 320;
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
