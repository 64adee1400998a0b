package com.storagecompressai.engine.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.stream.Stream;

/** {@code http_server_requests_seconds{method,route,status}}: requests by route and status, with a latency histogram. */
final class HttpMetrics {

    private static final Duration[] BUCKETS = Stream.of(1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String method, String route, int status, Duration duration) {
        Timer.builder("http.server.requests")
                .description("HTTP requests handled, by route and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(duration);
    }
}
