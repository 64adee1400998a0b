package com.storagecompressai.gateway.config;

import com.storagecompressai.engine.config.EngineConfig;
import com.storagecompressai.gateway.net.TrustedProxies;
import com.storagecompressai.storage.CallLimits;
import com.storagecompressai.storage.StorageConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything the gateway reads from its environment, built once at startup and passed down.
 *
 * @param engineUrls where remote compressor-engines listen (ENGINE_URL, comma-separated; one URL may be a load
 *                   balancer); empty runs the engine in-process
 * @param redisUrl shared rate-limit state; empty keeps the limits in memory
 * @param engine the in-process engine's settings (workers, queue, MAX_PIXELS), used when engineUrls is empty
 * @param readTimeout how long a connection may send nothing (GATEWAY_READ_TIMEOUT_SECONDS): a stalled upload is cut
 * @param bodyDeadline the longest a whole request body may take to arrive (GATEWAY_BODY_DEADLINE_SECONDS)
 * @param stopTimeout how long a stop (SIGTERM) waits for requests in flight (GATEWAY_STOP_TIMEOUT_SECONDS)
 * @param trustedProxies whose X-Forwarded-For names the client (TRUSTED_PROXIES), none by default
 * @param engineTimeout the deadline of one compression on the remote engines, retries included (ENGINE_TIMEOUT_SECONDS)
 * @param engineRetry how often a compression is tried when an engine is unreachable or overloaded (ENGINE_ATTEMPTS)
 * @param storageLimits deadline, attempts and backoff of each call to a remote store (STORAGE_DEADLINE_SECONDS)
 * @param pixelBudget pixels the in-process engine may have decoded at once (PIXEL_BUDGET); beyond, 503 OVERLOADED
 * @param engineBreaker when the remote engine's circuit breaker opens and for how long
 * @param corsOrigins browser origins allowed to call the API (CORS_ORIGINS, exact matches), none by default
 */
public record GatewayConfig(
        int port,
        List<String> apiKeys,
        List<URI> engineUrls,
        int rateLimitMax,
        Duration rateLimitWindow,
        Optional<URI> redisUrl,
        long maxUploadBytes,
        long maxPixels,
        StorageConfig storage,
        EngineConfig engine,
        Duration readTimeout,
        Duration bodyDeadline,
        Duration stopTimeout,
        TrustedProxies trustedProxies,
        Duration engineTimeout,
        BreakerSettings engineBreaker,
        EngineRetry engineRetry,
        CallLimits storageLimits,
        long pixelBudget,
        List<String> corsOrigins) {

    public static final int DEFAULT_PORT = 3000;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 26_214_400;
    public static final long DEFAULT_MAX_PIXELS = 100_000_000;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_BODY_DEADLINE = Duration.ofSeconds(120);
    public static final Duration DEFAULT_ENGINE_TIMEOUT = Duration.ofSeconds(60);
    /** Fits, with a 5 s preStop pause, in Kubernetes' default 30 s grace period. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(25);

    public GatewayConfig {
        apiKeys = List.copyOf(apiKeys);
        corsOrigins = List.copyOf(corsOrigins);
        requireKeys(apiKeys);
        engineUrls = List.copyOf(engineUrls);
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(rateLimitWindow, "rateLimitWindow");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(engineTimeout, "engineTimeout");
        Objects.requireNonNull(engineBreaker, "engineBreaker");
        Objects.requireNonNull(engineRetry, "engineRetry");
        Objects.requireNonNull(storageLimits, "storageLimits");
        if (rateLimitMax < 1) {
            throw new ConfigException("RATE_LIMIT_MAX must be at least 1, got " + rateLimitMax);
        }
        if (rateLimitWindow.isNegative() || rateLimitWindow.isZero()) {
            throw new ConfigException("RATE_LIMIT_WINDOW must be a positive number of seconds, got " + rateLimitWindow);
        }
        if (maxUploadBytes < 1 || maxPixels < 1 || pixelBudget < 1) {
            throw new ConfigException("MAX_UPLOAD_BYTES, MAX_PIXELS and PIXEL_BUDGET must be positive");
        }
    }

    /** Reads the gateway's variables (api.md, "Configuration"); throws {@link ConfigException} with one line to show. */
    public static GatewayConfig from(Map<String, String> env) {
        EnvValues values = new EnvValues(env);
        long rateLimitMax = values.positiveLong("RATE_LIMIT_MAX", 100);
        if (rateLimitMax > Integer.MAX_VALUE) {
            throw new ConfigException("RATE_LIMIT_MAX is too large: " + rateLimitMax);
        }
        List<String> apiKeys = requireKeys(apiKeys(values));
        int port = values.port("PORT", DEFAULT_PORT);
        long maxPixels = values.positiveLong("MAX_PIXELS", DEFAULT_MAX_PIXELS);
        long maxUploadBytes = values.positiveLong("MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES);
        return new GatewayConfig(
                port,
                apiKeys,
                engineUrls(values),
                (int) rateLimitMax,
                Duration.ofSeconds(values.positiveLong("RATE_LIMIT_WINDOW", 60)),
                redisUrl(values),
                maxUploadBytes,
                maxPixels,
                storage(env, port),
                engine(env),
                Duration.ofSeconds(values.positiveLong("GATEWAY_READ_TIMEOUT_SECONDS", DEFAULT_READ_TIMEOUT.toSeconds())),
                Duration.ofSeconds(values.positiveLong("GATEWAY_BODY_DEADLINE_SECONDS", DEFAULT_BODY_DEADLINE.toSeconds())),
                Duration.ofSeconds(values.positiveLong("GATEWAY_STOP_TIMEOUT_SECONDS", DEFAULT_STOP_TIMEOUT.toSeconds())),
                trustedProxies(values),
                Duration.ofSeconds(values.positiveLong("ENGINE_TIMEOUT_SECONDS", DEFAULT_ENGINE_TIMEOUT.toSeconds())),
                breaker(values),
                new EngineRetry((int) Math.min(values.positiveLong("ENGINE_ATTEMPTS", EngineRetry.DEFAULT.attempts()), 1000),
                        EngineRetry.DEFAULT.initialBackoff()),
                storageLimits(values),
                values.positiveLong("PIXEL_BUDGET", defaultPixelBudget()),
                corsOrigins(values));
    }

    /**
     * About 16 bytes of heap per pixel being compressed (upload, decoded raster, encoder planes), at least 16 MP: with
     * -Xmx768m that is about 44 MP, four 9.5 MP photos at once; measured under 900 MiB RSS with 64 such uploads arriving.
     */
    static long defaultPixelBudget() {
        return Math.max(Runtime.getRuntime().maxMemory() / 16, 16_000_000L);
    }

    private static CallLimits storageLimits(EnvValues values) {
        CallLimits defaults = CallLimits.DEFAULT;
        Duration deadline = Duration.ofSeconds(values.positiveLong("STORAGE_DEADLINE_SECONDS", defaults.deadline().toSeconds()));
        Duration attempt = defaults.attemptTimeout().compareTo(deadline) > 0 ? deadline : defaults.attemptTimeout();
        return new CallLimits(defaults.connectTimeout(), attempt, deadline, defaults.maxAttempts(), defaults.initialBackoff(),
                defaults.readinessTimeout());
    }

    /** Comma-separated origins such as {@code https://app.example.com}: scheme, host and optional port, nothing else. */
    private static List<String> corsOrigins(EnvValues values) {
        List<String> origins = new ArrayList<>();
        for (String origin : values.text("CORS_ORIGINS").orElse("").split(",")) {
            String trimmed = origin.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!trimmed.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+")) {
                throw new ConfigException("CORS_ORIGINS must list origins like https://app.example.com (no path, no *), got "
                        + trimmed);
            }
            origins.add(trimmed);
        }
        return origins;
    }

    private static TrustedProxies trustedProxies(EnvValues values) {
        try {
            return values.text("TRUSTED_PROXIES").map(TrustedProxies::parse).orElseGet(TrustedProxies::none);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** One URL, or several separated by commas: {@code http://10.0.0.5:8000,http://10.0.0.6:8000}. */
    private static List<URI> engineUrls(EnvValues values) {
        List<URI> urls = values.httpUris("ENGINE_URL");
        if (urls.size() != new LinkedHashSet<>(urls).size()) {
            throw new ConfigException("ENGINE_URL lists the same engine twice: " + values.text("ENGINE_URL").orElse(""));
        }
        return urls;
    }

    private static BreakerSettings breaker(EnvValues values) {
        long failures = values.positiveLong("ENGINE_BREAKER_FAILURES", BreakerSettings.DEFAULT.failures());
        if (failures > 1000) {
            throw new ConfigException("ENGINE_BREAKER_FAILURES must be at most 1000, got " + failures);
        }
        return new BreakerSettings((int) failures,
                Duration.ofSeconds(values.positiveLong("ENGINE_BREAKER_OPEN_SECONDS", BreakerSettings.DEFAULT.openFor().toSeconds())));
    }

    private static List<String> requireKeys(List<String> keys) {
        if (keys.isEmpty()) {
            throw new ConfigException("API_KEY is not set: start with API_KEY=<secret> (or API_KEYS=key1,key2 for several keys)"
                    + " in the environment or in .env");
        }
        return keys;
    }

    private static List<String> apiKeys(EnvValues values) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        values.text("API_KEY").ifPresent(keys::add);
        values.text("API_KEYS").ifPresent(list -> {
            for (String key : list.split(",")) {
                if (!key.isBlank()) {
                    keys.add(key.strip());
                }
            }
        });
        return new ArrayList<>(keys);
    }

    private static StorageConfig storage(Map<String, String> env, int port) {
        try {
            return StorageConfig.from(env, port);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static EngineConfig engine(Map<String, String> env) {
        try {
            return EngineConfig.from(env);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static Optional<URI> redisUrl(EnvValues values) {
        Optional<String> text = values.text("REDIS_URL");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        URI uri = URI.create(text.get().contains("://") ? text.get() : "redis://" + text.get());
        if (!uri.getScheme().startsWith("redis") || uri.getHost() == null) {
            throw new ConfigException("REDIS_URL must look like redis://host:6379, got a " + uri.getScheme() + " URL");
        }
        return Optional.of(uri);
    }

    /** The effective settings for the startup log: keys only as a count, no passwords. */
    public String describe() {
        return "port=" + port
                + " apiKeys=" + apiKeys.size()
                + " engine=" + (engineUrls.isEmpty() ? "in-process" : engineUrls.stream().map(URI::toString).collect(Collectors.joining(",")))
                + " rateLimit=" + rateLimitMax + "/" + rateLimitWindow.toSeconds() + "s"
                + " rateLimitStore=" + redisUrl.map(u -> "redis://" + u.getHost() + ":" + (u.getPort() < 0 ? 6379 : u.getPort())).orElse("memory")
                + " maxUploadBytes=" + maxUploadBytes
                + " maxPixels=" + maxPixels
                + " readTimeout=" + readTimeout.toSeconds() + "s bodyDeadline=" + bodyDeadline.toSeconds() + "s stopTimeout="
                + stopTimeout.toSeconds() + "s"
                + " trustedProxies=" + trustedProxies.size()
                + " corsOrigins=" + corsOrigins.size()
                + (engineUrls.isEmpty() ? "" : " engineTimeout=" + engineTimeout.toSeconds() + "s engineBreaker="
                        + engineBreaker.failures() + "/" + engineBreaker.openFor().toSeconds() + "s engineAttempts=" + engineRetry.attempts())
                + (engineUrls.isEmpty() ? " engineWorkers=" + engine.workers() + " engineQueue=" + engine.queueCapacity()
                        + " pixelBudget=" + pixelBudget : "")
                + " " + storage.describe() + (storage.backend().kind().equals("local") ? ""
                        : " storageDeadline=" + storageLimits.deadline().toSeconds() + "s");
    }

    @Override
    public String toString() {
        return "GatewayConfig[" + describe() + "]";
    }
}
