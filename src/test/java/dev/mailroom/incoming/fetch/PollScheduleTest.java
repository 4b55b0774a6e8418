package dev.mailroom.incoming.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class PollScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void nextPollAfterTheIntervalWhenNothingIsWaiting() {
        assertThat(PollSchedule.next(new PollResult(3, 0, 0), MINUTE, NOW)).isEqualTo(NOW.plus(MINUTE));
    }

    @Test
    void mailStillWaitingIsFetchedAtOnce() {
        assertThat(PollSchedule.next(new PollResult(2000, 150, 0), MINUTE, NOW)).isEqualTo(NOW);
    }

    @Test
    void failuresBackOffFromFiveSecondsDoublingToACap() {
        assertThat(PollSchedule.retryDelay(1, MINUTE)).isEqualTo(Duration.ofSeconds(5));
        assertThat(PollSchedule.retryDelay(2, MINUTE)).isEqualTo(Duration.ofSeconds(10));
        assertThat(PollSchedule.retryDelay(4, MINUTE)).isEqualTo(Duration.ofSeconds(40));
        assertThat(PollSchedule.retryDelay(7, MINUTE)).isEqualTo(Duration.ofMinutes(5));
        assertThat(PollSchedule.retryDelay(500, MINUTE)).isEqualTo(Duration.ofMinutes(5));
        assertThat(PollSchedule.retryDelay(500, Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(30));
        assertThat(PollSchedule.next(new PollResult(0, 0, 2), MINUTE, NOW)).isEqualTo(NOW.plusSeconds(10));
    }
}
