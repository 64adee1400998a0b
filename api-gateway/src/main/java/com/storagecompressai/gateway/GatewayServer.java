package com.storagecompressai.gateway;

import com.storagecompressai.engine.InProcessCompressor;
import com.storagecompressai.engine.api.Compressor;
import com.storagecompressai.gateway.auth.ApiKeys;
import com.storagecompressai.gateway.compress.CompressRoute;
import com.storagecompressai.gateway.config.GatewayConfig;
import com.storagecompressai.gateway.engine.PixelBudget;
import com.storagecompressai.gateway.engine.RemoteEngines;
import com.storagecompressai.gateway.http.Cors;
import com.storagecompressai.gateway.http.ErrorMapper;
import com.storagecompressai.gateway.http.GatewayHandler;
import com.storagecompressai.gateway.http.HealthRoutes;
import com.storagecompressai.engine.http.HttpConnectors;
import com.storagecompressai.engine.http.JsonErrorHandler;
import com.storagecompressai.gateway.metrics.GatewayMetrics;
import com.storagecompressai.gateway.multipart.FormLimits;
import com.storagecompressai.gateway.multipart.FormReader;
import com.storagecompressai.gateway.ratelimit.Limit;
import com.storagecompressai.gateway.ratelimit.LocalRateLimiter;
import com.storagecompressai.gateway.ratelimit.RateLimiter;
import com.storagecompressai.gateway.ratelimit.RedisRateLimiter;
import com.storagecompressai.gateway.storage.CleanupSettings;
import com.storagecompressai.gateway.storage.ObjectRoute;
import com.storagecompressai.gateway.storage.OrphanCleaner;
import com.storagecompressai.storage.ObjectStore;
import com.storagecompressai.storage.ObjectStores;
import com.storagecompressai.storage.local.LocalObjectStore;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway: Jetty with one virtual thread per request, and the engine, store and limiters it owns.
 * Starting contacts neither the store, the engine nor Redis. {@link #close()} stops accepting, lets requests
 * in flight finish (up to GATEWAY_STOP_TIMEOUT_SECONDS) and then closes what the gateway owns.
 */
public final class GatewayServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final GracefulHandler graceful;
    private final GatewayHandler handler;

    private GatewayServer(Server server, ServerConnector connector, GracefulHandler graceful, GatewayHandler handler) {
        this.server = server;
        this.connector = connector;
        this.graceful = graceful;
        this.handler = handler;
    }

    /**
     * @param host the address to bind, or null for every interface
     */
    public static GatewayServer start(GatewayConfig config, String host) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("gateway");
        threads.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("request-", 0).factory()));
        Server server = new Server(threads);
        ServerConnector connector = HttpConnectors.add(server, host, config.port(), config.readTimeout());

        Owned owned = new Owned();
        server.addBean(owned);
        GracefulHandler graceful = new GracefulHandler();
        try {
            GatewayHandler handler = handler(config, owned);
            graceful.setHandler(handler);
            server.setHandler(graceful);
            // Jetty's own errors (bad request line, oversized headers, shutdown) in the same JSON shape, from the engine.
            server.setErrorHandler(new JsonErrorHandler());
            server.setStopTimeout(config.stopTimeout().toMillis());
            // A JVM shutdown (SIGTERM) stops the server gracefully: stop accepting, finish requests in flight.
            server.setStopAtShutdown(true);
            server.start();
            return new GatewayServer(server, connector, graceful, handler);
        } catch (Exception e) {
            server.stop();
            owned.closeAll();
            throw e;
        }
    }

    private static GatewayHandler handler(GatewayConfig config, Owned owned) {
        GatewayMetrics metrics = owned.add(new GatewayMetrics());
        Compressor compressor = owned.add(config.engineUrls().isEmpty()
                ? new PixelBudget(new InProcessCompressor(config.engine(), metrics.registry()), config.pixelBudget())
                : RemoteEngines.open(config.engineUrls(), config.engineTimeout(), config.engineBreaker(), config.engineRetry(), metrics));
        if (compressor instanceof PixelBudget budget) {
            metrics.registry().gauge("gateway.pixels.in.flight", budget, PixelBudget::pixelsInFlight);
        }
        ObjectStore store = owned.add(ObjectStores.open(config.storage(), config.storageLimits()));
        // Added after the store, so it is closed before it: its last deletes still reach the store.
        OrphanCleaner orphans = owned.add(new OrphanCleaner(store,
                CleanupSettings.DEFAULT.confirmingAfter(config.storageLimits().deadline()), metrics));
        metrics.registry().gauge("gateway.storage.cleanups.pending", orphans, OrphanCleaner::pending);
        Limit limit = new Limit(config.rateLimitMax(), config.rateLimitWindow());
        RateLimiter keyLimiter = owned.add(config.redisUrl()
                .<RateLimiter>map(url -> new RedisRateLimiter(limit, url))
                .orElseGet(() -> new LocalRateLimiter(limit)));
        RateLimiter failedAuthLimiter = new LocalRateLimiter(limit);
        ErrorMapper errors = new ErrorMapper();
        CompressRoute compress = new CompressRoute(new ApiKeys(config.apiKeys()), keyLimiter, failedAuthLimiter,
                new FormReader(FormLimits.withMaxBody(config.maxUploadBytes()), config.bodyDeadline()), compressor, store, orphans, metrics,
                errors, config.trustedProxies());
        Optional<ObjectRoute> objects = store instanceof LocalObjectStore local
                ? Optional.of(new ObjectRoute(local, errors)) : Optional.empty();
        Cors cors = new Cors(config.corsOrigins());
        GatewayRoutes routes = new GatewayRoutes(compress, new HealthRoutes(compressor, store), metrics, objects, errors, cors);
        return new GatewayHandler(routes, errors, metrics, cors);
    }

    /** The bound port (the real one when the config asked for port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public URI uri() {
        String host = connector.getHost() == null ? "localhost" : connector.getHost();
        return URI.create("http://" + host + ":" + port());
    }

    /** Requests being handled right now. */
    long requestsInFlight() {
        return handler.inFlight();
    }

    /** True once a stop has begun: no new requests are taken. */
    boolean isShuttingDown() {
        return graceful.isShutdown() || server.isStopping() || server.isStopped();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } catch (TimeoutException e) {
            // Jetty still stopped everything; the requests it waited for were cut off.
            LOG.warn("stopped with requests still in flight after the stop deadline; they were cut off");
        }
    }

    /** Closes what the gateway opened, after Jetty has finished the requests in flight. */
    private static final class Owned extends AbstractLifeCycle {

        private final List<AutoCloseable> resources = new ArrayList<>();

        <T extends AutoCloseable> T add(T resource) {
            resources.add(resource);
            return resource;
        }

        @Override
        protected void doStop() {
            closeAll();
        }

        void closeAll() {
            for (AutoCloseable resource : resources.reversed()) {
                try {
                    resource.close();
                } catch (Exception e) {
                    LOG.warn("closing {} failed", resource.getClass().getSimpleName(), e);
                }
            }
            resources.clear();
        }
    }
}
