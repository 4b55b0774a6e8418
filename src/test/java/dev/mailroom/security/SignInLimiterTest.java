package dev.mailroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The counts and locks on their own, with a clock the test moves. */
class SignInLimiterTest {

    static class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-08T14:17:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();
    final SignInLimiter limiter = new SignInLimiter(new SignInProperties(5, Duration.ofMinutes(15)), Optional.of(clock));

    @Test
    void fiveFailuresInARowLockTheAccountAndTheAddressForTheLockTime() {
        for (int i = 0; i < 4; i++) {
            limiter.failed("carol", "192.0.2.1");
        }
        assertThat(limiter.lockedUntil("carol", "192.0.2.1")).isEmpty();

        limiter.failed("carol", "192.0.2.1");

        Instant until = Instant.parse("2026-12-08T14:32:00Z");
        assertThat(limiter.lockedUntil("carol", "198.51.100.7")).contains(until);
        assertThat(limiter.lockedUntil("dave", "192.0.2.1")).contains(until);
        assertThat(limiter.lockedUntil("dave", "198.51.100.7")).isEmpty();
        assertThat(limiter.locks()).extracting(SignInLimiter.Lock::kind, SignInLimiter.Lock::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SignInLimiter.Kind.ACCOUNT, "carol"),
                        org.assertj.core.groups.Tuple.tuple(SignInLimiter.Kind.ADDRESS, "192.0.2.1"));
    }

    @Test
    void theLockRunsOutAndTheCountStartsAgain() {
        for (int i = 0; i < 5; i++) {
            limiter.failed("carol", "192.0.2.1");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThat(limiter.lockedUntil("carol", null)).isPresent();

        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(limiter.lockedUntil("carol", "192.0.2.1")).isEmpty();
        assertThat(limiter.locks()).isEmpty();

        limiter.failed("carol", "192.0.2.1");
        assertThat(limiter.lockedUntil("carol", "192.0.2.1")).isEmpty();
    }

    @Test
    void aSuccessfulSignInResetsTheCount() {
        for (int i = 0; i < 4; i++) {
            limiter.failed("carol", "192.0.2.1");
        }
        limiter.succeeded("carol", "192.0.2.1");
        limiter.failed("carol", "192.0.2.1");

        assertThat(limiter.lockedUntil("carol", "192.0.2.1")).isEmpty();
    }

    @Test
    void anAdminLiftsALock() {
        for (int i = 0; i < 5; i++) {
            limiter.failed("carol", "192.0.2.1");
        }
        assertThat(limiter.unlockAccount("carol")).isTrue();
        assertThat(limiter.unlockAccount("carol")).isFalse();
        assertThat(limiter.lockedUntil("carol", "198.51.100.7")).isEmpty();
        assertThat(limiter.lockedUntil("dave", "192.0.2.1")).isPresent();

        assertThat(limiter.unlockAddress("192.0.2.1")).isTrue();
        assertThat(limiter.lockedUntil("carol", "192.0.2.1")).isEmpty();
    }
}
