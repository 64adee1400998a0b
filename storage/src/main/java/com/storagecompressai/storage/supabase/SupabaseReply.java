package com.storagecompressai.storage.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * What Supabase Storage answered to one request. Supabase reports most errors as HTTP 400 with the real
 * cause in the JSON body ({@code {"statusCode":"409","code":"KeyAlreadyExists","error":"Duplicate",…}}),
 * so the cause is read from the body when there is one and from the HTTP status otherwise.
 *
 * @param httpStatus the HTTP status
 * @param statusCode the body's {@code statusCode}, or the HTTP status when the body has none
 * @param code       the body's {@code code}, or empty
 * @param error      the body's {@code error}, or the start of a body that is not Supabase's JSON
 */
record SupabaseReply(int httpStatus, String statusCode, String code, String error) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_QUOTED = 200;

    static SupabaseReply of(int httpStatus, String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                return new SupabaseReply(httpStatus, node.path("statusCode").asText(String.valueOf(httpStatus)),
                        node.path("code").asText(""), printable(node.path("error").asText("")));
            }
        } catch (IOException e) {
            // Not JSON: a proxy or load balancer answered, not Storage itself.
        }
        return new SupabaseReply(httpStatus, String.valueOf(httpStatus), "", printable(body));
    }

    boolean succeeded() {
        return httpStatus == 200;
    }

    /** Only a busy or failing server can answer differently next time; a refusal stays a refusal. */
    boolean retryable() {
        return isRetryable(httpStatus) || isRetryable(parse(statusCode));
    }

    /** For the log: the HTTP status and the body's cause, never the key. */
    String describe() {
        StringBuilder text = new StringBuilder("HTTP ").append(httpStatus).append(", statusCode ").append(statusCode);
        if (!code.isEmpty()) {
            text.append(' ').append(code);
        }
        if (!error.isEmpty()) {
            text.append(" (").append(error).append(')');
        }
        return text.toString();
    }

    private static boolean isRetryable(int status) {
        return status == 429 || status >= 500 && status <= 599;
    }

    private static int parse(String status) {
        try {
            return Integer.parseInt(status.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String printable(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\p{Cntrl}+", " ").strip();
        return oneLine.length() <= MAX_QUOTED ? oneLine : oneLine.substring(0, MAX_QUOTED) + "…";
    }
}
