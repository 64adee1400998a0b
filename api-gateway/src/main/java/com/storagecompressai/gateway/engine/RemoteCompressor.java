package com.storagecompressai.gateway.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.Compressed;
import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.Compressor;
import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.gateway.http.Json;
import com.storagecompressai.gateway.http.RequestId;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A compressor-engine reached over HTTP ({@code ENGINE_URL}): posts the raw image to
 * {@code /compress?quality=N&...} (only the options that differ from the defaults), reads the chosen quality,
 * score and source back from its headers, and maps the engine's JSON error {@code code} back to {@link ErrorCode}.
 * An engine that cannot be reached is {@link ErrorCode#ENGINE_UNAVAILABLE}. Thread-safe.
 */
public final class RemoteCompressor implements Compressor {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    private final URI base;
    private final HttpClient client;
    private final Duration deadline;

    public RemoteCompressor(URI engineUrl) {
        this(engineUrl, DEFAULT_DEADLINE);
    }

    /**
     * @param deadline the whole call, from sending the request to the last byte of the answer (ENGINE_TIMEOUT_SECONDS);
     *                 shorter when {@link EngineFailover} has less time left
     */
    public RemoteCompressor(URI engineUrl, Duration deadline) {
        this.deadline = deadline;
        String text = engineUrl.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    @Override
    public Compressed compress(byte[] image, CompressOptions options) throws CompressionException {
        // Within EngineFailover, a retry gets only what is left of the compression's deadline.
        Duration timeout = CallDeadline.left(deadline);
        if (timeout.isZero()) {
            throw new CompressionException(ErrorCode.ENGINE_UNAVAILABLE, "The compression engine did not answer in time");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("compress?" + query(options)))
                .timeout(timeout)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(image));
        if (RequestId.CURRENT.isBound()) {
            request.header(RequestId.HEADER, RequestId.CURRENT.get());
        }
        long started = System.nanoTime();
        HttpResponse<byte[]> response = send(request.build(), timeout);
        if (response.statusCode() == 200) {
            return compressed(response, Duration.ofNanos(System.nanoTime() - started));
        }
        throw engineError(response);
    }

    private HttpResponse<byte[]> send(HttpRequest request, Duration timeout) throws CompressionException {
        // The request timeout only covers the response headers; the future's deadline also bounds a trickling body.
        CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new CompressionException(ErrorCode.ENGINE_UNAVAILABLE, "The compression engine did not answer in time", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause instanceof HttpTimeoutException
                    ? "The compression engine did not answer in time" : "The compression engine cannot be reached";
            throw new CompressionException(ErrorCode.ENGINE_UNAVAILABLE, message, cause);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new CompressionException(ErrorCode.ENGINE_UNAVAILABLE, "Interrupted while waiting for the engine", e);
        }
    }

    private static Compressed compressed(HttpResponse<byte[]> response, Duration elapsed) throws CompressionException {
        byte[] jpeg = response.body();
        JpegSize size = JpegSize.of(jpeg).orElseThrow(() -> new CompressionException(ErrorCode.COMPRESSION_FAILED,
                "The engine answered 200 with something that is not a JPEG"));
        Duration decode = millisHeader(response, "X-Decode-Millis").orElse(Duration.ZERO);
        Duration encode = millisHeader(response, "X-Encode-Millis").orElse(elapsed.minus(decode));
        Integer quality = header(response, "X-Quality").flatMap(RemoteCompressor::integer).orElse(null);
        Double score = header(response, "X-Score").flatMap(RemoteCompressor::decimal).orElse(null);
        Compressed.Source source = header(response, "X-Source").filter("original"::equalsIgnoreCase).isPresent()
                ? Compressed.Source.ORIGINAL : Compressed.Source.ENCODED;
        return new Compressed(jpeg, size.width(), size.height(), decode, encode, quality, score, source);
    }

    /** The engine's query string: quality always, every other option only when it differs from the default. */
    static String query(CompressOptions options) {
        CompressOptions defaults = CompressOptions.defaults();
        List<String> parameters = new ArrayList<>();
        parameters.add("quality=" + options.quality());
        if (options.width() != null) {
            parameters.add("width=" + options.width());
        }
        if (options.height() != null) {
            parameters.add("height=" + options.height());
        }
        if (options.fit() != defaults.fit()) {
            parameters.add("fit=" + options.fit().name().toLowerCase(Locale.ROOT));
        }
        if (options.enlarge() != defaults.enlarge()) {
            parameters.add("enlarge=" + options.enlarge());
        }
        if (options.target() != null) {
            parameters.add("target=" + BigDecimal.valueOf(options.target()).toPlainString());
        }
        if (options.maxBytes() != null) {
            parameters.add("max_bytes=" + options.maxBytes());
        }
        if (options.progressive() != defaults.progressive()) {
            parameters.add("progressive=" + options.progressive());
        }
        if (options.subsampling() != defaults.subsampling()) {
            parameters.add("subsampling=" + options.subsampling().name().substring(1));
        }
        if (options.strip() != defaults.strip()) {
            parameters.add("strip=" + options.strip());
        }
        return String.join("&", parameters);
    }

    private static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).map(String::strip);
    }

    private static Optional<Integer> integer(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> decimal(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> millisHeader(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).flatMap(value -> {
            try {
                return Optional.of(Duration.ofMillis(Long.parseLong(value.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** The engine's own code and message when its body is our JSON error shape; a 5xx of unknown shape is ours to log. */
    static CompressionException engineError(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        try {
            JsonNode body = Json.mapper().readTree(response.body());
            ErrorCode code = ErrorCode.valueOf(body.path("code").asText());
            String message = body.path("message").asText(code.reason());
            return new CompressionException(code, message,
                    code.status() >= 500 ? new IOException("engine answered " + status + " " + code) : null);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            ErrorCode code = switch (status) {
                case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
                case 502, 503, 504 -> ErrorCode.ENGINE_UNAVAILABLE;
                default -> status >= 500 ? ErrorCode.COMPRESSION_FAILED : ErrorCode.INVALID_IMAGE;
            };
            return new CompressionException(code, code.reason(), new IOException("engine answered " + status + " without an error code"));
        }
    }

    @Override
    public boolean isReady() {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("health")).timeout(HEALTH_TIMEOUT).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "engine " + base;
    }
}
