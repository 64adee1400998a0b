package com.storagecompressai.engine.config;

import java.time.Duration;
import java.util.Map;

/**
 * The engine's settings, built once from the environment and validated here, so a bad value stops the
 * process at startup with a message naming the variable.
 *
 * @param host ENGINE_HOST: the address to listen on (default all interfaces)
 * @param port ENGINE_PORT, 0 = any free port
 * @param maxPixels MAX_PIXELS: width × height refused beyond this, judged from the header
 * @param maxUploadBytes MAX_UPLOAD_BYTES: request bodies refused beyond this while reading
 * @param workers ENGINE_WORKERS: compressions running at once (default: one per core)
 * @param queueCapacity ENGINE_QUEUE_CAPACITY: compressions waiting for a worker before OVERLOADED (default 8 per
 *        worker: a burst of 16 uploads on 2 cores waits instead of being refused)
 * @param stopTimeout ENGINE_STOP_TIMEOUT_SECONDS: how long a stop waits for requests in flight
 * @param readTimeout ENGINE_READ_TIMEOUT_SECONDS: how long a connection may send nothing (a stalled or very slow
 *        client) before it is answered 408 and closed, so slow clients cannot hold connections and memory
 */
public record EngineConfig(
        String host, int port, long maxPixels, long maxUploadBytes, int workers, int queueCapacity, Duration stopTimeout,
        Duration readTimeout) {

    public static final int DEFAULT_PORT = 8000;
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 26_214_400L;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    public EngineConfig {
        require(host != null && !host.isBlank(), "ENGINE_HOST must not be blank");
        require(port >= 0 && port <= 65_535, "ENGINE_PORT must be from 0 to 65535, got " + port);
        require(maxPixels >= 1, "MAX_PIXELS must be at least 1, got " + maxPixels);
        require(maxUploadBytes >= 1 && maxUploadBytes <= Integer.MAX_VALUE - 8,
                "MAX_UPLOAD_BYTES must be from 1 to " + (Integer.MAX_VALUE - 8) + ", got " + maxUploadBytes);
        require(workers >= 1 && workers <= 1024, "ENGINE_WORKERS must be from 1 to 1024, got " + workers);
        require(queueCapacity >= 0 && queueCapacity <= 100_000,
                "ENGINE_QUEUE_CAPACITY must be from 0 to 100000, got " + queueCapacity);
        require(stopTimeout != null && !stopTimeout.isNegative(), "ENGINE_STOP_TIMEOUT_SECONDS must be 0 or more");
        require(readTimeout != null && readTimeout.toMillis() >= 1 && readTimeout.compareTo(Duration.ofHours(1)) <= 0,
                "ENGINE_READ_TIMEOUT_SECONDS must be from 1 to 3600, got " + readTimeout);
    }

    /** The settings without a read timeout of their own: {@link #DEFAULT_READ_TIMEOUT}. */
    public EngineConfig(
            String host, int port, long maxPixels, long maxUploadBytes, int workers, int queueCapacity, Duration stopTimeout) {
        this(host, port, maxPixels, maxUploadBytes, workers, queueCapacity, stopTimeout, DEFAULT_READ_TIMEOUT);
    }

    /** Every setting at its default (for tests and the in-process engine). */
    public static EngineConfig defaults() {
        return from(Map.of());
    }

    /** @throws IllegalArgumentException naming the variable when a value is not a number or out of range */
    public static EngineConfig from(Map<String, String> env) {
        int cores = Runtime.getRuntime().availableProcessors();
        int workers = (int) number(env, "ENGINE_WORKERS", cores);
        return new EngineConfig(
                env.getOrDefault("ENGINE_HOST", "0.0.0.0").strip(),
                (int) number(env, "ENGINE_PORT", DEFAULT_PORT),
                number(env, "MAX_PIXELS", DEFAULT_MAX_PIXELS),
                number(env, "MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES),
                workers,
                (int) number(env, "ENGINE_QUEUE_CAPACITY", 8L * Math.max(workers, 1)),
                Duration.ofSeconds(number(env, "ENGINE_STOP_TIMEOUT_SECONDS", 20)),
                Duration.ofSeconds(number(env, "ENGINE_READ_TIMEOUT_SECONDS", DEFAULT_READ_TIMEOUT.toSeconds())));
    }

    public EngineConfig withMaxUploadBytes(long newMaxUploadBytes) {
        return new EngineConfig(host, port, maxPixels, newMaxUploadBytes, workers, queueCapacity, stopTimeout, readTimeout);
    }

    public EngineConfig withMaxPixels(long newMaxPixels) {
        return new EngineConfig(host, port, newMaxPixels, maxUploadBytes, workers, queueCapacity, stopTimeout, readTimeout);
    }

    public EngineConfig withPort(int newPort) {
        return new EngineConfig(host, newPort, maxPixels, maxUploadBytes, workers, queueCapacity, stopTimeout, readTimeout);
    }

    public EngineConfig withReadTimeout(Duration newReadTimeout) {
        return new EngineConfig(host, port, maxPixels, maxUploadBytes, workers, queueCapacity, stopTimeout, newReadTimeout);
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        String value = raw.strip();
        if (!value.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + raw + "'");
        }
        long parsed = Long.parseLong(value);
        if (parsed > Integer.MAX_VALUE && !name.equals("MAX_PIXELS")) {
            throw new IllegalArgumentException(name + " is too large: " + raw);
        }
        return parsed;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
