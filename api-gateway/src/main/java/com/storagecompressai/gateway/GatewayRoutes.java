package com.storagecompressai.gateway;

import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.gateway.compress.CompressRoute;
import com.storagecompressai.gateway.http.ErrorMapper;
import com.storagecompressai.gateway.http.HealthRoutes;
import com.storagecompressai.gateway.http.Reply;
import com.storagecompressai.gateway.http.Routed;
import com.storagecompressai.gateway.http.Router;
import com.storagecompressai.gateway.metrics.GatewayMetrics;
import com.storagecompressai.gateway.storage.ObjectRoute;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.Request;

/** The gateway's routes: which path and method go where; everything else is 404 or 405. */
final class GatewayRoutes implements Router {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final Set<String> READ = Set.of("GET", "HEAD");

    private final CompressRoute compress;
    private final HealthRoutes health;
    private final GatewayMetrics metrics;
    private final Optional<ObjectRoute> objects;
    private final ErrorMapper errors;

    GatewayRoutes(CompressRoute compress, HealthRoutes health, GatewayMetrics metrics, Optional<ObjectRoute> objects,
            ErrorMapper errors) {
        this.compress = compress;
        this.health = health;
        this.metrics = metrics;
        this.objects = objects;
        this.errors = errors;
    }

    @Override
    public Routed route(String method, String path, Request request) throws Exception {
        return switch (path) {
            case "/compress" -> allow(path, method, Set.of("POST"), () -> compress.handle(request));
            case "/health" -> allow(path, method, READ, health::live);
            case "/health/ready" -> allow(path, method, READ, health::ready);
            case "/metrics" -> allow(path, method, READ, () -> new Reply(200, PROMETHEUS_TEXT,
                    metrics.scrape().getBytes(StandardCharsets.UTF_8), java.util.Map.of(), null));
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

    @FunctionalInterface
    private interface Action {
        Reply run() throws Exception;
    }
}
