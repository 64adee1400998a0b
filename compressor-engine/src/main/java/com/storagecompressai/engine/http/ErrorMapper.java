package com.storagecompressai.engine.http;

import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.ErrorCode;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the engine turns a failure (an exception, or a bare status from Jetty) into an HTTP
 * answer: status, code and a message safe for clients. Client errors are never 500s; our own failures are logged with their cause and answered
 * without details.
 */
final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    static ErrorBody map(Throwable failure, String requestId) {
        return switch (failure) {
            case RequestException e -> ErrorBody.of(e.code(), e.getMessage());
            case CompressionException e -> {
                if (e.code().status() >= 500) {
                    // the compressor logged the cause; this line ties it to the request
                    LOG.warn("request {}: {} ({})", requestId, e.getMessage(), e.code());
                }
                yield ErrorBody.of(e.code(), e.getMessage());
            }
            case HttpException e when e.getCode() == 413 ->
                    ErrorBody.of(ErrorCode.PAYLOAD_TOO_LARGE, "the request body is too large");
            case HttpException e when e.getCode() >= 400 && e.getCode() < 500 ->
                    ErrorBody.of(ErrorCode.INVALID_REQUEST, "malformed request");
            case Throwable t when timedOut(t) ->
                    ErrorBody.of(ErrorCode.REQUEST_TIMEOUT, "the request body arrived too slowly; the connection is closed");
            case EofException _ -> ErrorBody.of(ErrorCode.INVALID_REQUEST, "the request body ended early");
            case java.io.IOException _ -> ErrorBody.of(ErrorCode.INVALID_REQUEST, "the request body could not be read");
            default -> {
                LOG.error("request {}: unexpected failure", requestId, failure);
                yield ErrorBody.of(ErrorCode.INTERNAL, "internal error");
            }
        };
    }

    /** Jetty fails a blocked read with a TimeoutException (sometimes wrapped) when the idle timeout expires. */
    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Jetty's own errors, which come as a bare status: 4xx never turn into 500s. */
    static ErrorBody forStatus(int status) {
        return switch (status) {
            case 404 -> ErrorBody.of(ErrorCode.NOT_FOUND, "not found");
            case 405 -> ErrorBody.of(ErrorCode.METHOD_NOT_ALLOWED, "method not allowed");
            case 408 -> ErrorBody.of(ErrorCode.REQUEST_TIMEOUT, "the request arrived too slowly");
            case 413 -> ErrorBody.of(ErrorCode.PAYLOAD_TOO_LARGE, "the request body is too large");
            case 503 -> ErrorBody.of(ErrorCode.OVERLOADED, "the service is busy; try again shortly");
            default -> status >= 400 && status < 500
                    ? new ErrorBody(status, reasonOf(status), "malformed request", ErrorCode.INVALID_REQUEST.name())
                    : new ErrorBody(status >= 500 && status < 600 ? status : 500, reasonOf(status), "internal error",
                            ErrorCode.INTERNAL.name());
        };
    }

    private static String reasonOf(int status) {
        String reason = HttpStatus.getMessage(status);
        return reason == null ? "Error" : reason;
    }
}
