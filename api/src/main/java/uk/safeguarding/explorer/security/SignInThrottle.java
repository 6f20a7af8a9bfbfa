package uk.safeguarding.explorer.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down and then stops password guessing, per account and per address. Every failed sign-in
 * counts against the account tried (local form login and HTTP Basic) and against the address it
 * came from (all sign-ins, production bearer tokens and OpenID Connect callbacks too). Past the
 * free failures each further one makes the next attempt wait, doubling from
 * {@code EXPLORER_SIGNIN_DELAY}; at the lock-out count the account or address is locked for
 * {@code EXPLORER_SIGNIN_LOCKOUT}. No request thread ever sleeps: an attempt before the allowed
 * time is refused at once (429 with {@code Retry-After}). Failures older than
 * {@code EXPLORER_SIGNIN_WINDOW} are forgotten; a successful sign-in clears its account's count
 * (not the address's: one valid account must not reset the address an attacker guesses from).
 * Kept in memory, per instance.
 */
@Component
class SignInThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);
    static final int MAX_TRACKED = 50_000;

    /** The thresholds, all from configuration (README, "Sign-in throttling"). */
    record Settings(
            int freeFailures,
            int lockoutFailures,
            int addressFreeFailures,
            int addressLockoutFailures,
            Duration delay,
            Duration maxDelay,
            Duration lockout,
            Duration window) {

        Settings {
            if (freeFailures < 0
                    || lockoutFailures <= freeFailures
                    || addressFreeFailures < 0
                    || addressLockoutFailures <= addressFreeFailures) {
                throw new IllegalStateException("EXPLORER_SIGNIN_*: the lock-out counts must be above the free "
                        + "failures, and none may be negative");
            }
        }
    }

    /** An attempt refused until a time, because of a lock-out or a delay, of the account or the address. */
    record Refusal(Instant until, boolean locked, String what) {

        long retryAfterSeconds(Instant now) {
            return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
        }
    }

    private static final class Entry {
        int failures;
        Instant lastFailure = Instant.EPOCH;
        Instant nextAllowed = Instant.EPOCH;
        boolean locked;
    }

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Entry> accounts = new ConcurrentHashMap<>();
    private final Map<String, Entry> addresses = new ConcurrentHashMap<>();

    @Autowired
    SignInThrottle(
            Clock clock,
            @Value("${explorer.signin.free-failures:5}") int freeFailures,
            @Value("${explorer.signin.lockout-failures:10}") int lockoutFailures,
            @Value("${explorer.signin.address-free-failures:20}") int addressFreeFailures,
            @Value("${explorer.signin.address-lockout-failures:100}") int addressLockoutFailures,
            @Value("${explorer.signin.delay:1s}") Duration delay,
            @Value("${explorer.signin.max-delay:60s}") Duration maxDelay,
            @Value("${explorer.signin.lockout:15m}") Duration lockout,
            @Value("${explorer.signin.window:15m}") Duration window) {
        this(
                new Settings(
                        freeFailures,
                        lockoutFailures,
                        addressFreeFailures,
                        addressLockoutFailures,
                        delay,
                        maxDelay,
                        lockout,
                        window),
                clock);
    }

    SignInThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** Why an attempt for the account (null when none is named) from the address must wait, or null. */
    Refusal refusal(String account, String address) {
        var now = now();
        Refusal refusal = null;
        if (account != null) {
            refusal = refusal(accounts.get(key(account)), now, "account");
        }
        var byAddress = refusal(addresses.get(address), now, "address");
        if (byAddress != null && (refusal == null || byAddress.until().isAfter(refusal.until()))) {
            refusal = byAddress;
        }
        return refusal;
    }

    private static Refusal refusal(Entry entry, Instant now, String what) {
        if (entry == null) {
            return null;
        }
        synchronized (entry) {
            return now.isBefore(entry.nextAllowed) ? new Refusal(entry.nextAllowed, entry.locked, what) : null;
        }
    }

    /** Counts a failed sign-in against the account (if named) and the address. */
    void failed(String account, String address) {
        var now = now();
        tidy(now);
        if (account != null) {
            count(
                    accounts,
                    key(account),
                    now,
                    settings.freeFailures(),
                    settings.lockoutFailures(),
                    "account '" + key(account) + "' (from " + address + ")");
        }
        count(
                addresses,
                address,
                now,
                settings.addressFreeFailures(),
                settings.addressLockoutFailures(),
                "address " + address);
    }

    /** A successful sign-in clears the account's count. */
    void succeeded(String account) {
        if (account != null) {
            accounts.remove(key(account));
        }
    }

    private void count(Map<String, Entry> entries, String key, Instant now, int free, int lockAfter, String who) {
        var entry = entries.computeIfAbsent(key, k -> new Entry());
        synchronized (entry) {
            if (!now.isBefore(entry.nextAllowed) && !now.isBefore(entry.lastFailure.plus(settings.window()))) {
                entry.failures = 0;
                entry.locked = false;
            }
            entry.failures++;
            entry.lastFailure = now;
            if (entry.failures >= lockAfter) {
                entry.locked = true;
                entry.nextAllowed = now.plus(settings.lockout());
                LOG.warn(
                        "Sign-in locked for {} after {} failed attempts, until {}",
                        who,
                        entry.failures,
                        entry.nextAllowed);
            } else if (entry.failures > free) {
                var delay = delay(entry.failures - free);
                entry.nextAllowed = now.plus(delay);
                LOG.info(
                        "Failed sign-in {} for {}; the next attempt waits {} s",
                        entry.failures,
                        who,
                        delay.toSeconds());
            }
        }
    }

    /** The wait after the n-th failure past the free ones: the first delay, doubled each time, capped. */
    Duration delay(int beyondFree) {
        var delay = settings.delay();
        for (int i = 1; i < beyondFree && delay.compareTo(settings.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    /** Forgets entries whose window has passed, so that sprayed names cannot fill the memory. */
    private void tidy(Instant now) {
        if (accounts.size() + addresses.size() < MAX_TRACKED) {
            return;
        }
        for (var entries : List.of(accounts, addresses)) {
            entries.values().removeIf(e -> {
                synchronized (e) {
                    return !now.isBefore(e.nextAllowed) && !now.isBefore(e.lastFailure.plus(settings.window()));
                }
            });
        }
        if (accounts.size() >= MAX_TRACKED) {
            // still full of fresh names: keep only those waiting or locked
            accounts.values().removeIf(e -> {
                synchronized (e) {
                    return !now.isBefore(e.nextAllowed);
                }
            });
        }
    }

    /**
     * The account as counted and logged: lower case, at most 200 characters, no control characters
     * (so that a name cannot forge log lines).
     */
    private static String key(String account) {
        var trimmed = account.strip().toLowerCase(Locale.ROOT).replaceAll("\\p{Cntrl}", "?");
        return trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed;
    }
}
