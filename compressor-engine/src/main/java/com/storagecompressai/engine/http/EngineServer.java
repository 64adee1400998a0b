package com.storagecompressai.engine.http;

import com.storagecompressai.engine.InProcessCompressor;
import com.storagecompressai.engine.api.Compressor;
import com.storagecompressai.engine.config.EngineConfig;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's HTTP service on Jetty 12 core: requests on virtual threads, compressions on the
 * compressor's bounded pool. {@link #close()} stops gracefully: no new connections, requests in flight
 * finish (up to the configured stop timeout), then the compressor shuts down.
 */
public final class EngineServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final Compressor compressor;
    private final JvmGcMetrics gcMetrics;

    private EngineServer(Server server, ServerConnector connector, Compressor compressor, JvmGcMetrics gcMetrics) {
        this.server = server;
        this.connector = connector;
        this.compressor = compressor;
        this.gcMetrics = gcMetrics;
    }

    /** Starts the engine on {@code host}:{@code config.port()} (port 0 picks a free one). */
    public static EngineServer start(EngineConfig config, String host) throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return start(config, host, new InProcessCompressor(config, registry), registry);
    }

    /**
     * Starts the HTTP service in front of any {@link Compressor} (a fake in tests); the server owns it and
     * closes it on {@link #close()}.
     */
    public static EngineServer start(EngineConfig config, String host, Compressor compressor,
            PrometheusMeterRegistry registry) throws Exception {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);

        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("engine-http");
        VirtualThreadPool virtualThreads = new VirtualThreadPool();
        virtualThreads.setName("engine-request");
        threads.setVirtualThreadsExecutor(virtualThreads);
        Server server = new Server(threads);
        // A client that stalls (headers or body) is answered 408 and dropped, so it cannot pin a connection.
        ServerConnector connector = HttpConnectors.add(server, host, config.port(), config.readTimeout());
        int maxInFlight = 4 * (config.workers() + config.queueCapacity());
        server.setHandler(new GracefulHandler(
                new EngineHandler(compressor, registry, config.maxUploadBytes(), maxInFlight)));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(config.stopTimeout().toMillis());
        try {
            server.start();
        } catch (Exception e) {
            compressor.close();
            throw e;
        }
        EngineServer engine = new EngineServer(server, connector, compressor, gcMetrics);
        LOG.info("compressor-engine listening on {}", engine.uri());
        return engine;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Where to reach it, e.g. {@code http://127.0.0.1:8000}. */
    public URI uri() {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1"
                : connector.getHost();
        return URI.create("http://" + host + ":" + port());
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the HTTP server failed", e);
        } finally {
            compressor.close();
            gcMetrics.close();
        }
    }
}
