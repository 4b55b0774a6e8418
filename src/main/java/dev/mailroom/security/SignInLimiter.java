package dev.mailroom.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins in a row per account name and per client address, and locks either for a while once the count
 * reaches the limit. A successful sign-in clears both counts.
 * <p>
 * The counts and locks live in this node's memory only: in a cluster each node locks on its own, and a restart forgets
 * them.
 */
@Component
public class SignInLimiter {

    /** Whom a lock is for. */
    public enum Kind { ACCOUNT, ADDRESS }

    /** A current lock: an account name or a client address, refused until {@code until}. */
    public record Lock(Kind kind, String key, int failures, Instant until) {
    }

    private record Count(int failures, Instant lockedUntil) {
    }

    private static final int MAX_COUNTS = 10_000;

    private final SignInProperties properties;
    private final Clock clock;
    private final Map<String, Count> accounts = new ConcurrentHashMap<>();
    private final Map<String, Count> addresses = new ConcurrentHashMap<>();

    SignInLimiter(SignInProperties properties, Optional<Clock> clock) {
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** When the later of the account's and the address's locks ends, if either is locked now. */
    public Optional<Instant> lockedUntil(String account, String address) {
        Instant now = clock.instant();
        Optional<Instant> byAccount = until(accounts, account, now);
        Optional<Instant> byAddress = until(addresses, address, now);
        return byAccount.isEmpty() ? byAddress
                : byAddress.isEmpty() ? byAccount
                : Optional.of(byAccount.get().isAfter(byAddress.get()) ? byAccount.get() : byAddress.get());
    }

    /** Counts a failed sign-in; locks the account and address that reach the limit. */
    void failed(String account, String address) {
        Instant now = clock.instant();
        forgetOldCounts(accounts, now);
        forgetOldCounts(addresses, now);
        count(accounts, account, now);
        count(addresses, address, now);
    }

    /** Keeps memory bounded under a flood of guesses from many addresses: unlocked counts are dropped first. */
    private static void forgetOldCounts(Map<String, Count> counts, Instant now) {
        if (counts.size() > MAX_COUNTS) {
            counts.values().removeIf(count -> count.lockedUntil() == null || !count.lockedUntil().isAfter(now));
        }
    }

    /** A successful sign-in: both counts start again. */
    void succeeded(String account, String address) {
        if (account != null) {
            accounts.remove(account);
        }
        if (address != null) {
            addresses.remove(address);
        }
    }

    /** The current locks, those ending soonest first. */
    public List<Lock> locks() {
        Instant now = clock.instant();
        List<Lock> locks = new ArrayList<>();
        accounts.forEach((key, count) -> lockOf(Kind.ACCOUNT, key, count, now, locks));
        addresses.forEach((key, count) -> lockOf(Kind.ADDRESS, key, count, now, locks));
        locks.sort(Comparator.comparing(Lock::until).thenComparing(Lock::kind).thenComparing(Lock::key));
        return locks;
    }

    /** Lifts the account's lock and clears its count; false if it was not locked. */
    public boolean unlockAccount(String account) {
        return unlock(accounts, account);
    }

    /** Lifts the address's lock and clears its count; false if it was not locked. */
    public boolean unlockAddress(String address) {
        return unlock(addresses, address);
    }

    private boolean unlock(Map<String, Count> counts, String key) {
        if (key == null) {
            return false;
        }
        Count removed = counts.remove(key);
        return removed != null && removed.lockedUntil() != null && removed.lockedUntil().isAfter(clock.instant());
    }

    private static void lockOf(Kind kind, String key, Count count, Instant now, List<Lock> locks) {
        if (count.lockedUntil() != null && count.lockedUntil().isAfter(now)) {
            locks.add(new Lock(kind, key, count.failures(), count.lockedUntil()));
        }
    }

    private static Optional<Instant> until(Map<String, Count> counts, String key, Instant now) {
        Count count = key == null ? null : counts.get(key);
        return count != null && count.lockedUntil() != null && count.lockedUntil().isAfter(now)
                ? Optional.of(count.lockedUntil()) : Optional.empty();
    }

    private void count(Map<String, Count> counts, String key, Instant now) {
        if (key == null) {
            return;
        }
        counts.compute(key, (k, count) -> {
            // a lock that has run out starts a fresh count
            int failures = count == null || (count.lockedUntil() != null && !count.lockedUntil().isAfter(now))
                    ? 1 : count.failures() + 1;
            Instant lockedUntil = failures >= properties.maxFailures() ? now.plus(properties.lockTime()) : null;
            return new Count(failures, lockedUntil);
        });
    }
}
