package com.storagecompressai.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-built multipart/form-data bodies, so tests control every byte (duplicates, odd fields, …). */
public final class MultipartBody {

    public static final String BOUNDARY = "----gateway-test-boundary-7d93";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static MultipartBody create() {
        return new MultipartBody();
    }

    public MultipartBody file(String name, String fileName, String contentType, byte[] content) {
        head("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n");
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    public MultipartBody field(String name, String value) {
        head("Content-Disposition: form-data; name=\"" + name + "\"\r\n");
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    private void head(String headers) {
        out.writeBytes(("--" + BOUNDARY + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    public byte[] bytes() {
        ByteArrayOutputStream done = new ByteArrayOutputStream();
        done.writeBytes(out.toByteArray());
        done.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return done.toByteArray();
    }

    public static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }
}
