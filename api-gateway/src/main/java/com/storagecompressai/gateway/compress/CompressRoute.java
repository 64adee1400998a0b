package com.storagecompressai.gateway.compress;

import com.storagecompressai.engine.api.Compressed;
import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.Compressor;
import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.gateway.auth.ApiKeys;
import com.storagecompressai.gateway.auth.ClientId;
import com.storagecompressai.gateway.http.ErrorMapper;
import com.storagecompressai.gateway.http.Json;
import com.storagecompressai.gateway.http.Reply;
import com.storagecompressai.gateway.metrics.GatewayMetrics;
import com.storagecompressai.gateway.multipart.FormReader;
import com.storagecompressai.gateway.net.TrustedProxies;
import com.storagecompressai.gateway.multipart.UploadForm;
import com.storagecompressai.gateway.ratelimit.Decision;
import com.storagecompressai.gateway.ratelimit.RateLimiter;
import com.storagecompressai.gateway.storage.ContentNames;
import com.storagecompressai.gateway.storage.ObjectNames;
import com.storagecompressai.gateway.storage.OrphanCleaner;
import com.storagecompressai.storage.ObjectStore;
import com.storagecompressai.storage.StorageException;
import com.storagecompressai.storage.StoredObject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * {@code POST /compress}, in the order api.md fixes: authenticate (401), rate-limit the key (429), read and
 * check the form (400/413), compress, store, answer with the url. Every reply after the key's limit carries
 * the {@code RateLimit-*} headers. A request that fails once its upload may have reached the store hands the
 * object's name to the {@link OrphanCleaner} and answers its error at once.
 */
public final class CompressRoute {

    public static final String API_KEY_HEADER = "x-api-key";

    private final ApiKeys keys;
    private final RateLimiter keyLimiter;
    private final RateLimiter failedAuthLimiter;
    private final FormReader forms;
    private final Compressor compressor;
    private final ObjectStore store;
    private final OrphanCleaner orphans;
    private final GatewayMetrics metrics;
    private final ErrorMapper errors;
    private final TrustedProxies proxies;

    /**
     * @param orphans deletes the object of a request that failed after its upload may have reached the store
     * @param proxies whose X-Forwarded-For names the client counted by the failed-authentication limit
     */
    public CompressRoute(ApiKeys keys, RateLimiter keyLimiter, RateLimiter failedAuthLimiter, FormReader forms,
            Compressor compressor, ObjectStore store, OrphanCleaner orphans, GatewayMetrics metrics, ErrorMapper errors,
            TrustedProxies proxies) {
        this.proxies = proxies;
        this.keys = keys;
        this.keyLimiter = keyLimiter;
        this.failedAuthLimiter = failedAuthLimiter;
        this.forms = forms;
        this.compressor = compressor;
        this.store = store;
        this.orphans = orphans;
        this.metrics = metrics;
        this.errors = errors;
    }

    public Reply handle(Request request) {
        String presented = request.getHeaders().get(API_KEY_HEADER);
        Optional<ClientId> client = keys.authenticate(presented);
        if (client.isEmpty()) {
            return unauthorized(request, presented);
        }
        Decision decision = keyLimiter.tryConsume(client.get());
        if (!decision.allowed()) {
            metrics.rateLimited("key");
            return errors.reply(ErrorCode.RATE_LIMITED,
                            "Rate limit of " + decision.limit() + " requests exceeded, retry in " + decision.retryAfterSeconds() + " s")
                    .withHeaders(decision.headers());
        }
        try {
            return compressAndStore(request).withHeaders(decision.headers());
        } catch (Exception | OutOfMemoryError e) {
            return errors.toReply(e).withHeaders(decision.headers());
        }
    }

    private Reply unauthorized(Request request, String presented) {
        Decision decision = failedAuthLimiter.tryConsume(ClientId.ofAddress(
                proxies.clientAddress(Request.getRemoteAddr(request), request.getHeaders().getValuesList("X-Forwarded-For"))));
        if (!decision.allowed()) {
            metrics.rateLimited("ip");
            return errors.reply(ErrorCode.RATE_LIMITED, "Too many failed authentications, retry in "
                    + decision.retryAfterSeconds() + " s").withHeaders(decision.headers());
        }
        return errors.reply(ErrorCode.UNAUTHORIZED,
                presented == null ? "Missing x-api-key header" : "Invalid API key");
    }

    private Reply compressAndStore(Request request) throws CompressionException, StorageException {
        UploadForm form = forms.read(request.getHeaders().get("Content-Type"), request.getLength(),
                Request.asInputStream(request));
        long started = System.nanoTime();
        Compressed compressed = compressor.compress(form.image(), form.options());
        long compressedAt = System.nanoTime();
        String name = form.dedupe() ? ContentNames.of(form.image(), form.options()) : ObjectNames.next();
        try {
            StoredObject stored = store.put(name, compressed.jpeg(), "image/jpeg");
            metrics.compressed(form.image().length, compressed.jpeg().length,
                    Duration.ofNanos(compressedAt - started), Duration.ofNanos(System.nanoTime() - compressedAt));
            CompressResult result = new CompressResult(stored.url().toString(), compressed.jpeg().length,
                    form.image().length, compressed.width(), compressed.height(),
                    compressed.quality() == null ? form.quality() : compressed.quality(), compressed.score(),
                    compressed.servedOriginal() ? "original" : "encoded");
            return Reply.json(200, Json.bytes(result));
        } catch (StorageException | RuntimeException | Error e) {
            // The store may hold the upload although it answered an error (the answer was lost): no 200 will name
            // it, so it goes. A content name (dedupe) may be an earlier request's 200, with these very bytes: it stays.
            if (!form.dedupe()) {
                orphans.discard(name);
            }
            throw e;
        }
    }
}
