package com.storagecompressai.engine.http;

import com.storagecompressai.engine.api.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a whole request body, refusing it with PAYLOAD_TOO_LARGE as soon as it passes the limit: up front
 * from Content-Length, else while streaming, so a huge body is never buffered.
 */
final class BodyReader {

    private final long maxBytes;

    BodyReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    byte[] read(Request request) throws RequestException, IOException {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > maxBytes) {
            throw tooLarge();
        }
        byte[] buffer = new byte[(int) Math.max(0, Math.min(declared >= 0 ? declared : 64 * 1024, maxBytes))];
        int size = 0;
        try (InputStream in = Content.Source.asInputStream(request)) {
            while (true) {
                if (size == buffer.length) {
                    if (size >= maxBytes) {
                        if (in.read() < 0) {
                            break;
                        }
                        throw tooLarge();
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min(Math.max(buffer.length * 2L, 8192), maxBytes));
                }
                int n = in.read(buffer, size, buffer.length - size);
                if (n < 0) {
                    break;
                }
                size += n;
            }
        }
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }

    private RequestException tooLarge() {
        return new RequestException(ErrorCode.PAYLOAD_TOO_LARGE,
                "the request body is larger than " + maxBytes + " bytes");
    }
}
