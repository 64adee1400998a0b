package com.storagecompressai.systemtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A {@code POST /compress} of the test photo as multipart/form-data, as a browser or curl would send it. */
final class Upload {

    static final String PHOTO = "kodim23-parrots-256x192.png";
    static final int PHOTO_WIDTH = 256;
    static final int PHOTO_HEIGHT = 192;
    private static final String BOUNDARY = "system-test-boundary-7MA4YWxkTrZu0gW";
    private static final byte[] BODY = body(photo());

    private Upload() {
    }

    static HttpRequest request(URI base, String apiKey) {
        return HttpRequest.newBuilder(base.resolve("/compress"))
                .timeout(Duration.ofSeconds(60))
                .header("x-api-key", apiKey)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(BODY))
                .build();
    }

    static byte[] photo() {
        try (InputStream in = Upload.class.getResourceAsStream("/" + PHOTO)) {
            if (in == null) {
                throw new IllegalStateException(PHOTO + " is missing from the test resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] body(byte[] image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"quality\"\r\n\r\n80\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + PHOTO + "\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(image);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
