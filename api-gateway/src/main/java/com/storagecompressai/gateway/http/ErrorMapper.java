package com.storagecompressai.gateway.http;

import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.engine.http.ErrorBody;
import com.storagecompressai.storage.StorageException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into the JSON error of api.md (the engine's {@link ErrorBody}, so both services agree). The one place that decides what a client sees:
 * storage and internal errors are logged with their cause and answered with a generic message.
 */
public final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    public Reply toReply(Throwable failure) {
        return switch (failure) {
            case RequestException e -> reply(e.code(), e.getMessage());
            case CompressionException e -> fromEngine(e);
            case StorageException e -> {
                LOG.error("upload failed: {}", e.getMessage(), e);
                yield reply(ErrorCode.UPLOAD_FAILED, "The compressed image could not be stored");
            }
            default -> {
                LOG.error("unexpected failure", failure);
                yield reply(ErrorCode.INTERNAL, "Internal error");
            }
        };
    }

    private Reply fromEngine(CompressionException e) {
        return switch (e.code()) {
            case COMPRESSION_FAILED, INTERNAL, UPLOAD_FAILED -> {
                LOG.error("compression failed: {}", e.getMessage(), e);
                yield reply(e.code(), "The image could not be compressed");
            }
            case ENGINE_UNAVAILABLE -> {
                LOG.warn("engine unavailable: {}", e.getMessage(), e.getCause());
                yield reply(e.code(), "The compression engine is unavailable, try again later");
            }
            default -> reply(e.code(), e.getMessage());
        };
    }

    /** The JSON error for {@code code}; 503s carry {@code Retry-After}. */
    public Reply reply(ErrorCode code, String safeMessage) {
        byte[] body = ErrorBody.of(code, safeMessage).toJson().getBytes(StandardCharsets.UTF_8);
        Reply reply = new Reply(code.status(), "application/json", body, java.util.Map.of(), code.name());
        return switch (code) {
            case ENGINE_UNAVAILABLE -> reply.withHeader("Retry-After", "5");
            case OVERLOADED -> reply.withHeader("Retry-After", "1");
            default -> code == ReadTimeout.CODE && code != ErrorCode.INVALID_REQUEST ? reply.withHeader("Connection", "close") : reply;
        };
    }
}
