package dev.mailroom.intake.loops;

import org.springframework.stereotype.Component;

import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.tickets.Ticket;

/**
 * "Mail loop suspected: ticket thread quarantined": more than the loop limit of emails threaded onto one ticket, from
 * any senders and mailboxes (two systems answering each other on a ticket). Needs the threading result, so it runs
 * right after threading and before the reply is added. Each threaded email is recorded against its ticket here, which
 * is what later emails are counted by.
 */
@Component
public class ThreadLoopBreakerStage implements IntakeStage {

    private final LoopBreaker breaker;
    private final MailVolume volume;

    ThreadLoopBreakerStage(LoopBreaker breaker, MailVolume volume) {
        this.breaker = breaker;
        this.volume = volume;
    }

    @Override
    public String name() {
        return "thread-loop-breaker";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        if (context.thread().isEmpty()) {
            return StageResult.pass("not a reply to an existing ticket");
        }
        Ticket ticket = context.thread().get();
        if (!context.dryRun() && context.inbound().id() > 0) {
            volume.threadedOnto(context.inbound().id(), ticket.id());
        }
        StageResult result = breaker.judge(context, QuarantineSubject.thread(ticket));
        return result.passes() ? result : result.onTicket(ticket.id(), ticket.displayId());
    }
}
