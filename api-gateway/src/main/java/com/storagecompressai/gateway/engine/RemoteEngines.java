package com.storagecompressai.gateway.engine;

import com.storagecompressai.engine.api.Compressor;
import com.storagecompressai.gateway.config.BreakerSettings;
import com.storagecompressai.gateway.config.EngineRetry;
import com.storagecompressai.gateway.metrics.GatewayMetrics;
import io.micrometer.core.instrument.Tags;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The compressor for {@code ENGINE_URL}: failover over the listed engines, each behind a circuit breaker.
 *
 * <p>Several URLs get one breaker each, fed by every try on that engine, so a dead engine is passed over
 * while the others keep working. A single URL may be a load balancer whose next try lands elsewhere: its one
 * breaker judges whole compressions (retries included), as before, so a few unlucky tries through a
 * half-healthy pool do not open it and cut off every engine behind it.
 */
public final class RemoteEngines {

    private RemoteEngines() {
    }

    /**
     * @param urls    at least one engine
     * @param timeout the whole compression, retries included (ENGINE_TIMEOUT_SECONDS)
     */
    public static Compressor open(List<URI> urls, Duration timeout, BreakerSettings breaker, EngineRetry retry,
            GatewayMetrics metrics) {
        if (urls.size() == 1) {
            GuardedCompressor guarded = new GuardedCompressor(new EngineFailover(
                    List.of(new RemoteCompressor(urls.getFirst(), timeout)), retry, timeout, metrics::engineRetried), breaker);
            metrics.registry().gauge("gateway.engine.breaker.open", guarded, RemoteEngines::open);
            return guarded;
        }
        List<GuardedCompressor> engines = urls.stream()
                .map(url -> {
                    GuardedCompressor guarded = new GuardedCompressor(new RemoteCompressor(url, timeout), breaker);
                    metrics.registry().gauge("gateway.engine.breaker.open", Tags.of("engine", url.toString()), guarded,
                            RemoteEngines::open);
                    return guarded;
                })
                .toList();
        return new EngineFailover(engines, retry, timeout, metrics::engineRetried);
    }

    private static double open(GuardedCompressor guarded) {
        return "OPEN".equals(guarded.state()) ? 1 : 0;
    }
}
