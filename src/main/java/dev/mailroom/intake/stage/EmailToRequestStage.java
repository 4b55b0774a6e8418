package dev.mailroom.intake.stage;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;

/** "Do not create Request — Email To Request is OFF", as the Email Preference was when the email arrived. */
@Component
public class EmailToRequestStage implements IntakeStage {

    @Override
    public String name() {
        return "email-to-request";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        if (!context.preference().emailToRequest()) {
            return StageResult.failed(AuditMessages.EMAIL_TO_REQUEST_OFF,
                    "Email-to-Request is off in Email Preference (version " + context.preference().version() + ")");
        }
        return StageResult.pass("Email-to-Request is on");
    }
}
