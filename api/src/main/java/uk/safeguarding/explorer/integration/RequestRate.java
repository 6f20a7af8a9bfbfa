package uk.safeguarding.explorer.integration;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-client rate limits: a bucket of {@code requestsPerMinute} requests per client, refilled evenly
 * over the minute (so a burst of a minute's allowance is allowed, then one request every
 * 60/rate seconds). In memory, per instance: behind a load balancer each instance counts its own.
 */
final class RequestRate {

    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    RequestRate(Clock clock) {
        this.clock = clock;
    }

    /** 0 when the client may send a request now (and it is counted); else the whole seconds until it may. */
    synchronized long acquire(IntegrationClient client) {
        var now = clock.millis();
        var perMilli = client.requestsPerMinute() / 60_000.0;
        var bucket = buckets.computeIfAbsent(client.id(), id -> new Bucket(client.requestsPerMinute(), now));
        bucket.tokens = Math.min(client.requestsPerMinute(), bucket.tokens + (now - bucket.at) * perMilli);
        bucket.at = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perMilli / 1000.0));
    }

    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
