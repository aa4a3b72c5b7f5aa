package org.lancang.users;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How hard guessing passwords is made: per account, the first few failures cost nothing, then each further attempt
 * must wait twice as long as the one before (up to a ceiling), and after {@code lockAfter} failures in a row the
 * account is locked until an administrator unlocks it; a success starts the count afresh. Per client address, more
 * than {@code addressFailures} failures within {@code addressWindow} (whatever the accounts) make it wait until the
 * oldest of them leaves the window. Unknown usernames are counted like real ones, so the answers do not tell which
 * accounts exist.
 */
public record SignInRules(
        int freeFailures,
        Duration firstDelay,
        Duration maxDelay,
        int lockAfter,
        int addressFailures,
        Duration addressWindow) {
    public SignInRules {
        if (freeFailures < 0 || lockAfter <= freeFailures || addressFailures < 1) {
            throw new IllegalArgumentException("0 <= freeFailures < lockAfter, addressFailures >= 1");
        }
    }

    /**
     * 3 failures free, then 1 s, 2 s, 4 s … at most 5 min between attempts, locked after 10 in a row; 30 failures per
     * address in 10 minutes. (Assumptions in line with OWASP's guidance on authentication: slow guessing down without
     * shutting a mistyping user out for long.)
     */
    public static SignInRules defaults() {
        return new SignInRules(3, Duration.ofSeconds(1), Duration.ofMinutes(5), 10, 30, Duration.ofMinutes(10));
    }

    /** Whether {@code failures} in a row lock the account. */
    public boolean locked(int failures) {
        return failures >= lockAfter;
    }

    /** How long the account must still wait before its next attempt, after {@code failures} in a row. */
    public Duration accountWait(int failures, Instant lastFailure, Instant now) {
        if (failures < freeFailures || lastFailure == null) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        if (delay.compareTo(maxDelay) > 0) {
            delay = maxDelay;
        }
        Duration left = Duration.between(now, lastFailure.plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** How long an address must wait, given its failures so far (oldest first). */
    public Duration addressWait(List<Instant> failures, Instant now) {
        List<Instant> recent = failures.stream()
                .filter(t -> t.plus(addressWindow).isAfter(now))
                .toList();
        if (recent.size() < addressFailures) {
            return Duration.ZERO;
        }
        Instant frees = recent.get(recent.size() - addressFailures).plus(addressWindow);
        return Duration.between(now, frees);
    }
}
