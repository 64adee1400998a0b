package com.storagecompressai.gateway.multipart;

import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.gateway.http.ReadTimeout;
import com.storagecompressai.gateway.http.RequestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/**
 * Streams a {@code multipart/form-data} body through Jetty's parser, enforcing {@link FormLimits} while
 * reading: a body over the limit is refused as soon as its bytes (or its Content-Length) say so.
 */
public final class FormReader {

    private static final int BUFFER = 64 * 1024;
    public static final Duration DEFAULT_BODY_DEADLINE = Duration.ofSeconds(120);

    private final FormLimits limits;
    private final Duration bodyDeadline;

    public FormReader(FormLimits limits) {
        this(limits, DEFAULT_BODY_DEADLINE);
    }

    /**
     * @param bodyDeadline the longest a whole body may take to arrive: a sender trickling bytes just fast enough to
     *        dodge the connection's idle timeout is cut off here with REQUEST_TIMEOUT
     */
    public FormReader(FormLimits limits, Duration bodyDeadline) {
        this.limits = limits;
        this.bodyDeadline = bodyDeadline;
    }

    /**
     * @param contentType the request's Content-Type header, may be null
     * @param contentLength the declared length, or -1 when unknown
     * @throws RequestException for every malformed, ambiguous or oversized form
     */
    public UploadForm read(String contentType, long contentLength, InputStream body) {
        String boundary = boundaryOf(contentType);
        if (contentLength > limits.maxBodyBytes()) {
            throw tooLarge();
        }
        FormListener listener = new FormListener(limits);
        MultiPart.Parser parser = new MultiPart.Parser(boundary, listener);
        parser.setPartHeadersMaxLength(limits.maxPartHeaderBytes());
        parser.setMaxParts(limits.maxParts());
        long total = 0;
        byte[] buffer = new byte[BUFFER];
        long deadline = System.nanoTime() + bodyDeadline.toNanos();
        try {
            for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
                total += n;
                if (total > limits.maxBodyBytes()) {
                    throw tooLarge();
                }
                if (System.nanoTime() - deadline > 0) {
                    throw ReadTimeout.exception("The request body took longer than "
                            + bodyDeadline.toSeconds() + " s to arrive");
                }
                parser.parse(Content.Chunk.from(ByteBuffer.wrap(buffer, 0, n), false));
                throwIfFailed(listener);
            }
        } catch (IOException e) {
            if (isTimeout(e)) {
                throw ReadTimeout.exception("The client sent nothing for too long");
            }
            throw new RequestException(ErrorCode.INVALID_REQUEST, "The request body could not be read");
        }
        parser.parse(Content.Chunk.EOF);
        throwIfFailed(listener);
        if (!listener.isComplete()) {
            throw new RequestException(ErrorCode.INVALID_REQUEST, "The multipart/form-data body is malformed");
        }
        return form(listener, total);
    }

    private static UploadForm form(FormListener listener, long total) {
        if (listener.image() == null) {
            throw new RequestException(ErrorCode.MISSING_IMAGE, "The form needs an \"image\" file field");
        }
        if (listener.image().length == 0) {
            throw new RequestException(ErrorCode.INVALID_IMAGE, "The image is empty");
        }
        OptionFields.Parsed parsed = OptionFields.parse(listener.texts());
        return new UploadForm(listener.image(), parsed.options(), parsed.dedupe(), total);
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static void throwIfFailed(FormListener listener) {
        if (listener.failure() != null) {
            throw listener.failure();
        }
    }

    private static String boundaryOf(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("multipart/form-data")) {
            throw new RequestException(ErrorCode.INVALID_REQUEST, "The body must be multipart/form-data");
        }
        String boundary;
        try {
            boundary = MultiPart.extractBoundary(contentType);
        } catch (IllegalArgumentException unparsable) {
            // Found by fuzzing: Jetty throws on e.g. an unterminated quote in the parameters.
            boundary = null;
        }
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw new RequestException(ErrorCode.INVALID_REQUEST, "The multipart/form-data Content-Type has no valid boundary");
        }
        return boundary;
    }

    private RequestException tooLarge() {
        return new RequestException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than " + limits.maxBodyBytes() + " bytes");
    }
}
