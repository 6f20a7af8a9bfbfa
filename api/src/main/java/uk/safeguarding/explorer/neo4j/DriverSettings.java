package uk.safeguarding.explorer.neo4j;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the driver behaves when the database is slow or gone, tuned so that a request fails within
 * five seconds instead of hanging: {@code EXPLORER_NEO4J_CONNECTION_TIMEOUT} (1 s, to open a
 * connection), {@code EXPLORER_NEO4J_ACQUISITION_TIMEOUT} (3 s, to get one from the pool),
 * {@code EXPLORER_NEO4J_MAX_RETRY_TIME} (2 s of retrying a transaction that failed on a transient
 * error such as a deadlock or a lost connection) and {@code EXPLORER_NEO4J_LIVENESS_CHECK} (10 s:
 * a pooled connection idle for longer is tested before it is used, so one silently dropped by a
 * firewall is not handed to a request). At start-up the explorer waits up to
 * {@code EXPLORER_NEO4J_STARTUP_WAIT} (60 s) for the database to answer before it gives up, so that
 * it may start before its database, or while a crashed store recovers.
 */
@ConfigurationProperties("explorer.neo4j")
public record DriverSettings(
        @DefaultValue("1s") Duration connectionTimeout,
        @DefaultValue("3s") Duration acquisitionTimeout,
        @DefaultValue("2s") Duration maxRetryTime,
        @DefaultValue("10s") Duration livenessCheck,
        @DefaultValue("100") int maxPoolSize,
        @DefaultValue("60s") Duration startupWait) {}
