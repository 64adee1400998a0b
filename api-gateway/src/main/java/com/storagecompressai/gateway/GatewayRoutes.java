package com.storagecompressai.gateway;

import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.gateway.compress.CompressRoute;
import com.storagecompressai.gateway.http.Cors;
import com.storagecompressai.gateway.http.ErrorMapper;
import com.storagecompressai.gateway.http.HealthRoutes;
import com.storagecompressai.gateway.http.Reply;
import com.storagecompressai.gateway.http.Routed;
import com.storagecompressai.gateway.http.Router;
import com.storagecompressai.gateway.metrics.GatewayMetrics;
import com.storagecompressai.gateway.storage.ObjectRoute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.Request;

/** The gateway's routes (and its OpenAPI description): which path and method go where; everything else is 404 or 405. */
final class GatewayRoutes implements Router {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final Set<String> READ = Set.of("GET", "HEAD");
    static final String OPENAPI_PATH = "/openapi.json";
    private static final String OPENAPI_RESOURCE = "/openapi.json";

    private final CompressRoute compress;
    private final HealthRoutes health;
    private final GatewayMetrics metrics;
    private final Optional<ObjectRoute> objects;
    private final ErrorMapper errors;
    private final Cors cors;
    private final byte[] openApi;
    private final Map<String, Reply> pages;

    GatewayRoutes(CompressRoute compress, HealthRoutes health, GatewayMetrics metrics, Optional<ObjectRoute> objects,
            ErrorMapper errors, Cors cors) {
        this.cors = cors;
        this.openApi = resource(OPENAPI_RESOURCE);
        this.pages = Map.of(
                "/", page("/page/index.html", "text/html; charset=utf-8"),
                "/app.js", page("/page/app.js", "text/javascript; charset=utf-8"),
                "/app.css", page("/page/app.css", "text/css; charset=utf-8"));
        this.compress = compress;
        this.health = health;
        this.metrics = metrics;
        this.objects = objects;
        this.errors = errors;
    }

    @Override
    public Routed route(String method, String path, Request request) throws Exception {
        return switch (path) {
            case "/compress" -> "OPTIONS".equals(method)
                    ? new Routed(path, cors.preflight(request.getHeaders().get("Origin"),
                            request.getHeaders().get("Access-Control-Request-Method")))
                    : allow(path, method, Set.of("POST"), () -> compress.handle(request));
            case OPENAPI_PATH -> allow(path, method, READ, () -> new Reply(200, "application/json", openApi,
                    java.util.Map.of("Cache-Control", "no-cache"), null));
            case "/health" -> allow(path, method, READ, health::live);
            case "/health/ready" -> allow(path, method, READ, health::ready);
            case "/metrics" -> allow(path, method, READ, () -> new Reply(200, PROMETHEUS_TEXT,
                    metrics.scrape().getBytes(StandardCharsets.UTF_8), java.util.Map.of(), null));
            case "/", "/app.js", "/app.css" -> allow(path, method, READ, () -> pages.get(path));
            default -> {
                if (objects.isPresent() && path.startsWith(ObjectRoute.PREFIX)) {
                    yield allow(ObjectRoute.TEMPLATE, method, READ, () -> objects.get().handle(path, request.getHeaders()));
                }
                yield new Routed("NOT_FOUND", errors.reply(ErrorCode.NOT_FOUND, "Route " + method + " " + path + " not found"));
            }
        };
    }

    private Routed allow(String route, String method, Set<String> methods, Action action) throws Exception {
        if (!methods.contains(method)) {
            Reply reply = errors.reply(ErrorCode.METHOD_NOT_ALLOWED, "Method " + method + " is not allowed here")
                    .withHeader("Allow", String.join(", ", methods.stream().sorted().toList()));
            return new Routed(route, reply);
        }
        return new Routed(route, action.run());
    }

    /** The try-it page: static files, no key inside; the result image may live on the storage's own host. */
    private static Reply page(String resource, String contentType) {
        return new Reply(200, contentType, resource(resource), Map.of(
                "Cache-Control", "no-cache",
                "Content-Security-Policy", "default-src 'self'; img-src 'self' blob: https: http:; object-src 'none'; "
                        + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
                "Referrer-Policy", "no-referrer"), null);
    }

    private static byte[] resource(String name) {
        try (InputStream in = GatewayRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Action {
        Reply run() throws Exception;
    }
}
