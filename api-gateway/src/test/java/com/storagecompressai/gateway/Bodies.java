package com.storagecompressai.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

/** Reads JSON response bodies in tests. */
public final class Bodies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Bodies() {
    }

    public static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + new String(response.body()), e);
        }
    }

    public static String code(HttpResponse<byte[]> response) {
        return json(response).path("code").asText();
    }
}
