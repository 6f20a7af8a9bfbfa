package uk.safeguarding.explorer.observability;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Where one request's time went, sent back in a {@code Server-Timing} header when
 * {@code EXPLORER_SERVER_TIMING} is on (off by default; the benchmark turns it on): the need-to-know
 * decisions ({@code ntk}, their reads included), the answer's own reads ({@code db}), the audit
 * append and its durable commit ({@code audit}), and everything the application did from the first
 * filter to the moment the header was written ({@code app}; what is left of it is HTTP, security,
 * session, GraphQL dispatch and mapping). A phase inside another counts for the outer one only, so
 * the three phases never overlap. Each phase's description also says how many times it ran (for the
 * answer's reads, how many read transactions the request cost). Outside a timed request every method
 * does nothing.
 */
public final class ServerTiming {

    static final String ATTRIBUTE = ServerTiming.class.getName();
    public static final String HEADER = "Server-Timing";

    /** The timed phases, in the order the header gives them. */
    public enum Phase {
        NTK("ntk", "need-to-know"),
        DB("db", "answer reads"),
        AUDIT("audit", "audit append and commit");

        private final String token;
        private final String description;

        Phase(String token, String description) {
            this.token = token;
            this.description = description;
        }
    }

    private final long started = System.nanoTime();
    private final AtomicLongArray nanos = new AtomicLongArray(Phase.values().length);
    private final AtomicLongArray calls = new AtomicLongArray(Phase.values().length);
    private final AtomicInteger open = new AtomicInteger();

    ServerTiming() {}

    /** The timing of the current request, or {@code null} outside a timed request. */
    public static ServerTiming current() {
        var attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null
                ? null
                : (ServerTiming) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }

    /** Runs work, counting its time to the phase unless another phase of the request is already open. */
    public static <T> T time(Phase phase, Supplier<T> work) {
        var timing = current();
        if (timing == null || timing.open.getAndIncrement() > 0) {
            try {
                return work.get();
            } finally {
                if (timing != null) {
                    timing.open.decrementAndGet();
                }
            }
        }
        var from = System.nanoTime();
        try {
            return work.get();
        } finally {
            timing.nanos.addAndGet(phase.ordinal(), System.nanoTime() - from);
            timing.calls.incrementAndGet(phase.ordinal());
            timing.open.decrementAndGet();
        }
    }

    /** Runs work with no result, as {@link #time(Phase, Supplier)}. */
    public static void time(Phase phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    /** The header's value now: each phase and the application's whole time so far, in milliseconds. */
    public String header() {
        var value = new StringBuilder();
        for (var phase : Phase.values()) {
            var count = calls.get(phase.ordinal());
            value.append(entry(
                            phase.token,
                            phase.description + ", " + count + (count == 1 ? " call" : " calls"),
                            nanos.get(phase.ordinal())))
                    .append(", ");
        }
        return value.append(entry("app", "application total", System.nanoTime() - started))
                .toString();
    }

    private static String entry(String token, String description, long nanos) {
        return String.format(Locale.ROOT, "%s;desc=\"%s\";dur=%.3f", token, description, nanos / 1e6);
    }
}
