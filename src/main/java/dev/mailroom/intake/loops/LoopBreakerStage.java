package dev.mailroom.intake.loops;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.intake.parse.EmailAddress;

/**
 * "Mail loop suspected: sender quarantined": more than the loop limit of emails from one sender address on one
 * incoming server (an auto-responder answering our acknowledgments, a system mailing every minute). Early in the
 * pipeline, so a loop is stopped before it costs any lookups, whatever later stages would say.
 */
@Component
public class LoopBreakerStage implements IntakeStage {

    private final LoopBreaker breaker;

    LoopBreakerStage(LoopBreaker breaker) {
        this.breaker = breaker;
    }

    @Override
    public String name() {
        return "loop-breaker";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        if (context.server().isEmpty()) {
            return StageResult.pass("no incoming server to count this sender's mail on");
        }
        Optional<String> sender = sender(context);
        if (sender.isEmpty()) {
            return StageResult.pass("no sender address to count");
        }
        return breaker.judge(context, QuarantineSubject.sender(context.inbound().serverId(), sender.get()));
    }

    /**
     * The sender as the fetcher stored it, which is what the count compares; for an uploaded email (dry run, never
     * stored) its parsed author.
     */
    private static Optional<String> sender(IntakeContext context) {
        Optional<String> sender = context.inbound().id() > 0 ? Optional.ofNullable(context.inbound().sender())
                : context.email().addresses().author().map(EmailAddress::address);
        return sender.filter(address -> !address.isBlank());
    }
}
