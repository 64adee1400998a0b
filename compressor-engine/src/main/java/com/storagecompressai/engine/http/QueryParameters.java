package com.storagecompressai.engine.http;

import com.storagecompressai.engine.api.ErrorCode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's query string as sent (percent-encoded), split into parameters. Names are decoded at once;
 * a value only when it is asked for, so a badly encoded parameter nobody reads is ignored as before.
 */
final class QueryParameters {

    private final Map<String, List<String>> rawValues;

    private QueryParameters(Map<String, List<String>> rawValues) {
        this.rawValues = rawValues;
    }

    /** @param rawQuery the query string as sent, or null */
    static QueryParameters parse(String rawQuery) throws RequestException {
        Map<String, List<String>> rawValues = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&", -1)) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                rawValues.computeIfAbsent(name, n -> new ArrayList<>()).add(equals < 0 ? "" : pair.substring(equals + 1));
            }
        }
        return new QueryParameters(rawValues);
    }

    /** Every decoded value of {@code name}, in order; empty when it is absent. */
    List<String> values(String name) throws RequestException {
        List<String> decoded = new ArrayList<>();
        for (String raw : rawValues.getOrDefault(name, List.of())) {
            decoded.add(decode(raw));
        }
        return decoded;
    }

    /** The one value of {@code name}, or null when absent; given twice, it is refused with {@code code}. */
    String single(String name, ErrorCode code) throws RequestException {
        List<String> values = values(name);
        if (values.size() > 1) {
            throw new RequestException(code, name + " is given " + values.size() + " times; give it once");
        }
        return values.isEmpty() ? null : values.getFirst();
    }

    /** A client's value, cut short and reduced to printable ASCII, for an error message. */
    static String printable(String value) {
        String cut = value.length() > 20 ? value.substring(0, 20) + "…" : value;
        return cut.replaceAll("[^\\x20-\\x7E…]", "?");
    }

    private static String decode(String encoded) throws RequestException {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new RequestException(ErrorCode.INVALID_REQUEST, "the query string is not properly percent-encoded");
        }
    }
}
