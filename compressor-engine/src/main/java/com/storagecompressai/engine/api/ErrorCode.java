package com.storagecompressai.engine.api;

/**
 * The product's stable error codes (api.md) with the HTTP status each one answers. Codes are part of the
 * contract: add new ones, never rename one.
 */
public enum ErrorCode {
    MISSING_IMAGE(400),
    INVALID_IMAGE(400),
    UNSUPPORTED_FORMAT(400),
    INVALID_QUALITY(400),
    INVALID_REQUEST(400),
    UNAUTHORIZED(401),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    /** The client sent nothing for longer than the read timeout (a stalled or very slow upload). */
    REQUEST_TIMEOUT(408),
    PAYLOAD_TOO_LARGE(413),
    IMAGE_TOO_LARGE(413),
    /** max_bytes cannot be met even at quality 1. */
    TARGET_UNREACHABLE(422),
    RATE_LIMITED(429),
    ENGINE_UNAVAILABLE(503),
    OVERLOADED(503),
    COMPRESSION_FAILED(500),
    UPLOAD_FAILED(500),
    INTERNAL(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The reason phrase that goes in the error body's {@code error} field ("Bad Request"). */
    public String reason() {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }
}
