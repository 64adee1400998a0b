package com.storagecompressai.gateway.multipart;

import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.gateway.http.RequestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/**
 * Streams a {@code multipart/form-data} body through Jetty's parser, enforcing {@link FormLimits} while
 * reading: a body over the limit is refused as soon as its bytes (or its Content-Length) say so.
 */
public final class FormReader {

    private static final int BUFFER = 64 * 1024;

    private final FormLimits limits;

    public FormReader(FormLimits limits) {
        this.limits = limits;
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
        try {
            for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
                total += n;
                if (total > limits.maxBodyBytes()) {
                    throw tooLarge();
                }
                parser.parse(Content.Chunk.from(ByteBuffer.wrap(buffer, 0, n), false));
                throwIfFailed(listener);
            }
        } catch (IOException e) {
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
        int quality = listener.quality() == null ? QualityField.DEFAULT : QualityField.parse(listener.quality());
        return new UploadForm(listener.image(), quality, total);
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
        String boundary = MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw new RequestException(ErrorCode.INVALID_REQUEST, "The multipart/form-data Content-Type has no valid boundary");
        }
        return boundary;
    }

    private RequestException tooLarge() {
        return new RequestException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than " + limits.maxBodyBytes() + " bytes");
    }
}
