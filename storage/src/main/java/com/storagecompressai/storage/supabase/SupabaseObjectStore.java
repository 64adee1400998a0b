package com.storagecompressai.storage.supabase;

import com.storagecompressai.storage.Backoff;
import com.storagecompressai.storage.CallLimits;
import com.storagecompressai.storage.ObjectName;
import com.storagecompressai.storage.ObjectStore;
import com.storagecompressai.storage.StorageConfig;
import com.storagecompressai.storage.StorageException;
import com.storagecompressai.storage.StoredObject;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supabase Storage over its REST API, exactly as {@code supabase-storage.md} describes: one binary
 * {@code POST /storage/v1/object/{bucket}/{name}} per object with {@code x-upsert: true}, so a retry after
 * an unseen success overwrites the same bytes instead of failing as a duplicate. A delete is supabase-js's
 * {@code remove}: {@code DELETE /storage/v1/object/{bucket}} with {@code {"prefixes":[name]}}.
 *
 * <p>Connection failures, timeouts, 5xx and 429 are retried with exponential backoff and jitter,
 * within {@link CallLimits}; every other answer is final. Thread-safe.
 */
public final class SupabaseObjectStore implements ObjectStore {

    static final String CACHE_CONTROL = "max-age=31536000, immutable";
    private static final Logger LOG = LoggerFactory.getLogger(SupabaseObjectStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StorageConfig.Supabase config;
    private final CallLimits limits;
    private final HttpClient http;

    public SupabaseObjectStore(StorageConfig.Supabase config) {
        this(config, CallLimits.DEFAULT);
    }

    public SupabaseObjectStore(StorageConfig.Supabase config, CallLimits limits) {
        this.config = config;
        this.limits = limits;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(limits.connectTimeout());
        if (config.url().getScheme().equalsIgnoreCase("http")) {
            // Plain HTTP/2 would start with an h2c upgrade that proxies often mishandle.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        this.http = builder.build();
    }

    @Override
    public StoredObject put(String name, byte[] content, String contentType) throws StorageException {
        ObjectName.requireSafe(name);
        call("upload", name, timeout -> upload(name, content, contentType, timeout));
        return new StoredObject(name, publicUrl(name), content.length);
    }

    /**
     * {@code DELETE /storage/v1/object/{bucket}} with {@code {"prefixes":[name]}}, as supabase-js's {@code remove}
     * sends it; Storage answers 200 with the objects it removed, an empty list when there was none.
     */
    @Override
    public void delete(String name) throws StorageException {
        ObjectName.requireSafe(name);
        call("delete", name, timeout -> removal(name, timeout));
    }

    /** One operation, retried while the answer may change (connection failures, timeouts, 5xx, 429). */
    private void call(String action, String name, Function<Duration, HttpRequest> request) throws StorageException {
        String what = config.bucket() + "/" + name;
        long deadline = System.nanoTime() + limits.deadline().toNanos();
        String lastFailure = "deadline passed before the first attempt";
        Throwable lastCause = null;
        for (int attempt = 1; attempt <= limits.maxAttempts(); attempt++) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            Duration timeout = Duration.ofNanos(Math.min(limits.attemptTimeout().toNanos(), remaining));
            try {
                SupabaseReply reply = exchange(request.apply(timeout), timeout);
                if (reply.succeeded()) {
                    return;
                }
                if (!reply.retryable()) {
                    throw new StorageException("supabase refused " + action + " of " + what + ": " + reply.describe());
                }
                lastFailure = reply.describe();
                lastCause = null;
            } catch (IOException | TimeoutException e) {
                lastFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                lastCause = e;
            }
            if (attempt < limits.maxAttempts()) {
                LOG.warn("supabase {} of {} failed (attempt {} of {}), retrying: {}", action, what, attempt,
                        limits.maxAttempts(), lastFailure);
                pause(backoff(attempt), deadline);
            }
        }
        throw new StorageException("supabase " + action + " of " + what + " failed within " + limits.maxAttempts()
                + " attempts and " + limits.deadline() + ": " + lastFailure, lastCause);
    }

    @Override
    public URI publicUrl(String name) {
        return URI.create(config.url() + "/storage/v1/object/public/" + PathSegment.encode(config.bucket()) + "/"
                + PathSegment.encode(ObjectName.requireSafe(name)));
    }

    /** Ready when {@code GET /storage/v1/bucket/{bucket}} answers 200 with our key. */
    @Override
    public boolean isReady() {
        HttpRequest request = authorized(HttpRequest.newBuilder(
                        URI.create(config.url() + "/storage/v1/bucket/" + PathSegment.encode(config.bucket()))),
                limits.readinessTimeout())
                .GET()
                .build();
        try {
            return exchange(request, limits.readinessTimeout()).succeeded();
        } catch (IOException | TimeoutException | StorageException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        http.close();
    }

    private HttpRequest upload(String name, byte[] content, String contentType, Duration timeout) {
        URI uri = URI.create(config.url() + "/storage/v1/object/" + PathSegment.encode(config.bucket()) + "/"
                + PathSegment.encode(name));
        return authorized(HttpRequest.newBuilder(uri), timeout)
                .header("Content-Type", contentType == null ? "image/jpeg" : contentType)
                .header("cache-control", CACHE_CONTROL)
                .header("x-upsert", "true")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content))
                .build();
    }

    private HttpRequest removal(String name, Duration timeout) {
        URI uri = URI.create(config.url() + "/storage/v1/object/" + PathSegment.encode(config.bucket()));
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("prefixes", List.of(name)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of one string is always JSON", e);
        }
        return authorized(HttpRequest.newBuilder(uri), timeout)
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    /** Legacy keys are JWTs and go in both headers; the newer {@code sb_…} keys are not JWTs. */
    private HttpRequest.Builder authorized(HttpRequest.Builder builder, Duration timeout) {
        String key = config.key();
        builder.timeout(timeout).header("apikey", key);
        if (!isOpaqueKey(key)) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    static boolean isOpaqueKey(String key) {
        return key.startsWith("sb_secret_") || key.startsWith("sb_publishable_");
    }

    /** One request, bounded as a whole: headers and body must both arrive within {@code timeout}. */
    private SupabaseReply exchange(HttpRequest request, Duration timeout)
            throws IOException, TimeoutException, StorageException {
        CompletableFuture<HttpResponse<String>> future = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return SupabaseReply.of(response.statusCode(), response.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TimeoutException("no complete answer within " + timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (CancellationException e) {
            throw new IOException("request cancelled", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while talking to supabase", e);
        }
    }

    private Duration backoff(int attempt) {
        return Backoff.equalJitter(limits.initialBackoff(), attempt, limits.deadline());
    }

    private static void pause(Duration pause, long deadline) throws StorageException {
        long nanos = Math.min(pause.toNanos(), deadline - System.nanoTime());
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting to retry a supabase call", e);
        }
    }
}
