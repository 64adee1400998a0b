package com.storagecompressai.gateway.http;

import com.storagecompressai.gateway.metrics.GatewayMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The outer layer of every request: binds the request id, routes, turns any failure into a JSON error,
 * writes the reply, records metrics and logs one line (never the API key). Runs on a virtual thread, so
 * routes may block.
 */
public final class GatewayHandler extends Handler.Abstract {

    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    /** Unread request bodies up to this size are read and dropped before replying; see {@link #drainBody}. */
    private static final long DRAIN_LIMIT = 1024 * 1024;

    private final Router router;
    private final ErrorMapper errors;
    private final GatewayMetrics metrics;
    private final AtomicLong inFlight = new AtomicLong();
    private final Cors cors;

    public GatewayHandler(Router router, ErrorMapper errors, GatewayMetrics metrics) {
        this(router, errors, metrics, Cors.none());
    }

    public GatewayHandler(Router router, ErrorMapper errors, GatewayMetrics metrics, Cors cors) {
        super(InvocationType.BLOCKING);
        this.cors = cors;
        this.router = router;
        this.errors = errors;
        this.metrics = metrics;
        metrics.registry().gauge("http.server.requests.active", inFlight);
    }

    /** Requests between arrival and their reply being handed to Jetty. */
    public long inFlight() {
        return inFlight.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        String id = RequestId.accept(request.getHeaders().get(RequestId.HEADER));
        ScopedValue.where(RequestId.CURRENT, id).run(() -> {
            MDC.put("requestId", id);
            inFlight.incrementAndGet();
            try {
                serve(request, response, callback, id, started);
            } finally {
                inFlight.decrementAndGet();
                MDC.remove("requestId");
            }
        });
        return true;
    }

    private void serve(Request request, Response response, Callback callback, String id, long started) {
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        Routed routed;
        try {
            routed = router.route(method, path, request);
        } catch (Throwable failure) {
            routed = new Routed("UNHANDLED", errors.toReply(failure));
        }
        Reply reply = routed.reply().withHeaders(cors.responseHeaders(request.getHeaders().get("Origin")));
        // After a read timeout the client is not sending; waiting for its body again would only hold the thread.
        boolean consumed = !"REQUEST_TIMEOUT".equals(reply.code()) && drainBody(request);
        if (!consumed) {
            // Unread body bytes make the connection unusable: say so, so clients do not reuse it for their next request.
            reply = reply.withHeader("Connection", "close");
        }
        ByteBuffer content = prepare(reply, "HEAD".equals(method), id, response);
        long bytesOut = content == null ? 0 : content.remaining();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        metrics.request(method, routed.route(), reply.status(), elapsed);
        // Logged before writing, so the line exists by the time the client has its answer.
        ACCESS.info("{} {} {} {}ms in={} out={} id={}{}", method, path, reply.status(), elapsed.toMillis(),
                Request.getContentBytesRead(request), bytesOut, id, reply.code() == null ? "" : " code=" + reply.code());
        response.write(true, content, callback);
    }

    /**
     * A reply sent before the body was read (401, 400, 413, …) would otherwise be followed by closing a socket
     * with unread bytes, which makes the kernel send a reset that can destroy the reply before the client reads
     * it. Small bodies are therefore read to the end; larger ones are left to the connection's close.
     *
     * @return true when the body has been read to its end
     */
    private static boolean drainBody(Request request) {
        long declared = request.getLength();
        if (declared == 0) {
            return true;
        }
        if (declared > DRAIN_LIMIT) {
            return isAtEnd(request);
        }
        InputStream body = Request.asInputStream(request);
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try {
            for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
                total += n;
                if (total > DRAIN_LIMIT) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            // The client went away or sent garbage: nothing left to protect.
            return false;
        }
    }

    /** True when the body has already been read to its end (the route consumed it); never blocks. */
    private static boolean isAtEnd(Request request) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
            return false;
        }
        try {
            return chunk.isLast() && !chunk.hasRemaining();
        } finally {
            chunk.release();
        }
    }

    /** Sets status and headers; returns the body to send, or null when there is none (HEAD, 304). */
    private static ByteBuffer prepare(Reply reply, boolean head, String id, Response response) {
        response.setStatus(reply.status());
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(RequestId.HEADER, id);
        headers.put("X-Content-Type-Options", "nosniff");
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            headers.put(header.getKey(), header.getValue());
        }
        if (reply.contentType() != null) {
            headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
        }
        if (reply.status() == 304 || reply.status() == 204) {
            return null;
        }
        headers.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        return head ? null : ByteBuffer.wrap(reply.body());
    }
}
