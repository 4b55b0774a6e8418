package dev.mailroom.intake.loops;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.StageResult;
import dev.mailroom.platform.Counts;

/**
 * The judgment both loop stages share: mail of a quarantined subject is ignored; otherwise the email is counted with
 * the subject's other mail in the window, and the one that crosses the limit quarantines the subject. The window
 * ends at the email's arrival (not at the time it is judged, so a backlog or a reprocess counts what arrived around
 * it) and never reaches back before the subject's last release, so the mail that piled up meanwhile cannot trip it
 * again at once.
 */
@Component
class LoopBreaker {

    private final Quarantines quarantines;
    private final MailVolume volume;
    private final LoopProperties limit;

    LoopBreaker(Quarantines quarantines, MailVolume volume, LoopProperties limit) {
        this.quarantines = quarantines;
        this.volume = volume;
        this.limit = limit;
    }

    StageResult judge(IntakeContext context, QuarantineSubject subject) {
        String message = Quarantines.messageFor(subject.kind());
        Optional<Quarantine> active = quarantines.activeFor(subject);
        if (active.isPresent()) {
            Quarantine quarantine = active.get();
            return StageResult.ignored(message, subject.describe() + " is quarantined since " + quarantine.since()
                    + " (quarantine #" + quarantine.id() + ": " + quarantine.emailCount() + " emails within "
                    + Durations.words(Duration.ofSeconds(quarantine.windowSeconds())) + ", limit "
                    + quarantine.maxEmails() + "); an admin releases it with POST /api/intake/quarantine/"
                    + quarantine.id() + "/release");
        }
        Instant arrived = context.inbound().receivedAt();
        Instant windowStart = arrived.minus(limit.window());
        Optional<Instant> release = quarantines.lastRelease(subject).filter(released -> released.isAfter(windowStart));
        Instant from = release.orElse(windowStart);
        // A dry run's email is not stored (id 0): every stored email is before it.
        long stored = context.inbound().id();
        long count = volume.count(subject, from, stored > 0 ? stored : Long.MAX_VALUE) + (arrived.isBefore(from) ? 0 : 1);
        String counted = Counts.of(count, "email") + " " + subject.preposition() + release
                .map(released -> " since its release at " + released)
                .orElse(" within " + Durations.words(limit.window()) + " up to this one's arrival at " + arrived);
        if (!limit.exceededBy(count)) {
            return StageResult.pass(counted + ", at most " + limit.maxEmails() + " allowed");
        }
        String over = counted + ", over the limit of " + limit.maxEmails() + ": ";
        if (context.dryRun()) {
            return StageResult.ignored(message, over + "would quarantine " + subject.describe());
        }
        Quarantine quarantine = quarantines.quarantine(subject, (int) count, limit, stored);
        return StageResult.ignored(message, over + subject.describe() + " quarantined since " + quarantine.since()
                + " (quarantine #" + quarantine.id() + "); its mail is ignored until an admin releases it");
    }
}
