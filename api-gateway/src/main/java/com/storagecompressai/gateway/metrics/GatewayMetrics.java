package com.storagecompressai.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The gateway's Prometheus meters. Names follow Micrometer's conventions, so Prometheus sees
 * {@code http_server_requests_seconds}, {@code gateway_images_compressed_total}, {@code gateway_input_bytes_total},
 * {@code gateway_upload_seconds}, {@code gateway_rate_limited_total},
 * {@code gateway_engine_retries_total}, … Thread-safe.
 */
public final class GatewayMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final Counter imagesCompressed;
    private final Counter inputBytes;
    private final Counter outputBytes;
    private final Timer uploads;
    private final Timer compressions;
    private final Counter engineRetries;

    public GatewayMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        imagesCompressed = Counter.builder("gateway.images.compressed").description("Images compressed and stored").register(registry);
        inputBytes = Counter.builder("gateway.input").baseUnit("bytes").description("Bytes of uploaded images").register(registry);
        outputBytes = Counter.builder("gateway.output").baseUnit("bytes").description("Bytes of stored JPEGs").register(registry);
        uploads = Timer.builder("gateway.upload").description("Time to store a JPEG").publishPercentileHistogram().register(registry);
        compressions = Timer.builder("gateway.compress").description("Time the engine took, decode and encode")
                .publishPercentileHistogram().register(registry);
        engineRetries = Counter.builder("gateway.engine.retries")
                .description("Compressions tried again because a remote engine was unreachable or busy").register(registry);
        for (String outcome : new String[] {"deleted", "abandoned"}) {
            cleanups(outcome);
        }
    }

    /** The registry the in-process engine records its decode and encode timers in. */
    public MeterRegistry registry() {
        return registry;
    }

    public void request(String method, String route, int status, Duration elapsed) {
        Timer.builder("http.server.requests")
                .description("HTTP requests by route and status")
                .tag("method", method)
                .tag("uri", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(registry)
                .record(elapsed);
    }

    public void compressed(long input, long output, Duration compressTime, Duration uploadTime) {
        imagesCompressed.increment();
        inputBytes.increment(input);
        outputBytes.increment(output);
        compressions.record(compressTime);
        uploads.record(uploadTime);
    }

    /** One compression is tried again on the next remote engine (or the same load-balanced URL). */
    public void engineRetried() {
        engineRetries.increment();
    }

    /** @param outcome {@code deleted}, or {@code abandoned} when an orphan object is given up (and logged) */
    public void cleanup(String outcome) {
        cleanups(outcome).increment();
    }

    private Counter cleanups(String outcome) {
        return Counter.builder("gateway.storage.cleanups").tag("outcome", outcome)
                .description("Objects of failed requests deleted, or given up and logged").register(registry);
    }

    /** @param reason {@code key} for an API key over its limit, {@code ip} for failed authentications */
    public void rateLimited(String reason) {
        registry.counter("gateway.rate.limited", "reason", reason).increment();
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
