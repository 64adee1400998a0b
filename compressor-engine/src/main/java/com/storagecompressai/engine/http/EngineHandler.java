package com.storagecompressai.engine.http;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.Compressed;
import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.Compressor;
import com.storagecompressai.engine.api.ErrorCode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's routes: {@code POST /compress?quality=N&width=…} (see {@link CompressParameters}), {@code GET /health}, {@code GET /health/ready},
 * {@code GET /metrics}; JSON 404/405 otherwise. Every answer carries X-Request-Id and gets one access-log
 * line. Blocking: Jetty runs it on a virtual thread; the CPU work goes to the compressor's bounded pool.
 */
final class EngineHandler extends Handler.Abstract {

    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private final Compressor compressor;
    private final PrometheusMeterRegistry registry;
    private final BodyReader bodies;
    private final HttpMetrics httpMetrics;
    private final Semaphore inFlight;

    /**
     * @param maxInFlight compress requests buffered or compressing at once; beyond it OVERLOADED comes before
     *        the body is read, so memory stays below maxInFlight × the upload limit
     */
    EngineHandler(Compressor compressor, PrometheusMeterRegistry registry, long maxUploadBytes, int maxInFlight) {
        this.compressor = compressor;
        this.registry = registry;
        this.bodies = new BodyReader(maxUploadBytes);
        this.httpMetrics = new HttpMetrics(registry);
        this.inFlight = new Semaphore(maxInFlight);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String requestId = RequestIds.accept(request.getHeaders().get(RequestIds.HEADER));
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        String route = routeOf(path);
        Reply reply;
        try {
            reply = dispatch(route, method, request);
        } catch (Throwable failure) {
            reply = Reply.error(ErrorMapper.map(failure, requestId));
        }
        if (reply.status() != 200 && !bodyFullyRead(request)) {
            // Jetty closes a connection whose body was left unread; say so, or the client reuses a dead socket.
            reply = reply.withHeaders(Map.of("Connection", "close"));
        }
        write(reply, requestId, response, callback);
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        String methodTag = KNOWN_METHODS.contains(method) ? method : "OTHER";
        httpMetrics.record(methodTag, route, reply.status(), duration);
        ACCESS.info("method={} path={} status={} durationMs={} bytesIn={} bytesOut={} requestId={}",
                methodTag, sanitize(path), reply.status(),
                String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1e6),
                Math.max(0, Request.getContentBytesRead(request)), reply.body().length, requestId);
        return true;
    }

    private static boolean bodyFullyRead(Request request) {
        long declared = request.getLength();
        if (declared < 0) {
            return !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        }
        return Request.getContentBytesRead(request) >= declared;
    }

    private static String routeOf(String path) {
        return switch (path) {
            case "/compress", "/health", "/health/ready", "/metrics" -> path;
            default -> "unknown";
        };
    }

    private Reply dispatch(String route, String method, Request request) throws Exception {
        String allowed = route.equals("/compress") ? "POST" : "GET";
        if (route.equals("unknown")) {
            return Reply.error(ErrorBody.of(ErrorCode.NOT_FOUND, "no route for " + method + " " + sanitize(
                    Request.getPathInContext(request))));
        }
        if (!method.equals(allowed)) {
            return Reply.error(ErrorBody.of(ErrorCode.METHOD_NOT_ALLOWED, route + " accepts " + allowed + " only"))
                    .withHeaders(Map.of("Allow", allowed));
        }
        return switch (route) {
            case "/compress" -> compress(request);
            case "/health" -> Reply.json(200, "{\"status\":\"ok\"}");
            case "/health/ready" -> compressor.isReady() ? Reply.json(200, "{\"status\":\"ready\"}")
                    : Reply.json(503, "{\"status\":\"not ready\"}");
            case "/metrics" -> new Reply(200, PROMETHEUS_TEXT, registry.scrape().getBytes(StandardCharsets.UTF_8),
                    Map.of());
            default -> throw new IllegalStateException("unrouted " + route);
        };
    }

    private Reply compress(Request request) throws Exception {
        CompressOptions options = CompressParameters.parse(request.getHttpURI().getQuery());
        if (!inFlight.tryAcquire()) {
            throw new CompressionException(ErrorCode.OVERLOADED, "the compressor is busy; try again shortly");
        }
        byte[] image;
        Compressed result;
        try {
            image = bodies.read(request);
            result = compressor.compress(image, options);
        } finally {
            inFlight.release();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Image-Width", Integer.toString(result.width()));
        headers.put("X-Image-Height", Integer.toString(result.height()));
        headers.put("X-Original-Size", Integer.toString(image.length));
        headers.put("X-Decode-Millis", Long.toString(result.decodeTime().toMillis()));
        headers.put("X-Encode-Millis", Long.toString(result.encodeTime().toMillis()));
        headers.put("Server-Timing", String.format(Locale.ROOT, "decode;dur=%.1f, encode;dur=%.1f",
                result.decodeTime().toNanos() / 1e6, result.encodeTime().toNanos() / 1e6));
        if (result.quality() != null) {
            headers.put("X-Quality", Integer.toString(result.quality()));
        }
        if (result.score() != null) {
            headers.put("X-Score", String.format(Locale.ROOT, "%.6f", result.score()));
        }
        headers.put("X-Source", result.servedOriginal() ? "original" : "encoded");
        return new Reply(200, "image/jpeg", result.jpeg(), headers);
    }

    private static void write(Reply reply, String requestId, Response response, Callback callback) {
        response.setStatus(reply.status());
        response.getHeaders().put(RequestIds.HEADER, requestId);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        if (reply.status() != 200 || reply.contentType().startsWith("text/plain")) {
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        }
        reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    private static String sanitize(String path) {
        String cut = path.length() > 100 ? path.substring(0, 100) + "…" : path;
        return cut.replaceAll("[^\\x21-\\x7E…]", "?");
    }
}
