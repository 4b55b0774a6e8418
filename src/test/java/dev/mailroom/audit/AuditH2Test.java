package dev.mailroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.mailroom.testing.MailroomTest;

@MailroomTest
class AuditH2Test extends AuditContract {

    @Test
    void theVolumeQueryWalksTheOccurredIndex() {
        Instant from = Instant.parse("2026-03-09T00:00:00Z");
        AuditRepository.Where volume = repository.volumeByHourQuery(AuditQuery.all(), from, from.plusSeconds(86_400));

        String plan = jdbc.sql("explain " + volume.sql()).params(volume.params()).query(String.class).single();

        assertThat(plan.toUpperCase(Locale.ROOT)).contains("IX_AUDIT_OCCURRED");
    }
}
