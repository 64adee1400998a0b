package com.storagecompressai.engine.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.storagecompressai.engine.api.ErrorCode;
import java.util.Objects;

/**
 * The error body of both services, in Fastify's shape (api.md):
 * {@code {"statusCode":400,"error":"Bad Request","message":"…","code":"INVALID_IMAGE"}}.
 * {@code message} must be safe for clients. Public for the gateway's reuse.
 */
@JsonPropertyOrder({"statusCode", "error", "message", "code"})
public record ErrorBody(int statusCode, String error, String message, String code) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ErrorBody {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(code, "code");
    }

    /** The body for {@code code} with its status and reason phrase. */
    public static ErrorBody of(ErrorCode code, String safeMessage) {
        return new ErrorBody(code.status(), code.reason(), safeMessage, code.name());
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body of strings and an int always serialises", e);
        }
    }
}
