package dev.mailroom.intake.stage;

import org.springframework.stereotype.Component;

import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;

/** The server's default Technician Group and Category, for whatever an Incoming Email Rule did not set. */
@Component
public class ServerDefaultsStage implements IntakeStage {

    @Override
    public String name() {
        return "server-defaults";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        if (context.settings().isEmpty()) {
            return StageResult.pass("no server defaults");
        }
        var settings = context.settings().get();
        StringBuilder applied = new StringBuilder();
        if (context.technicianGroupId() == null && settings.technicianGroupId() != null) {
            context.technicianGroupId(settings.technicianGroupId());
            applied.append("technician group #").append(settings.technicianGroupId());
        }
        if (context.categoryId() == null && settings.categoryId() != null) {
            context.categoryId(settings.categoryId());
            applied.append(applied.isEmpty() ? "" : ", ").append("category #").append(settings.categoryId());
        }
        return StageResult.pass(applied.isEmpty() ? "nothing to apply" : "applied the server's " + applied);
    }
}
