package com.storagecompressai.engine.http;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.ErrorCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The query parameters of {@code POST /compress}, strictly: {@code quality} (see {@link QualityParameter}),
 * {@code width}, {@code height}, {@code max_bytes} (decimal digits only), {@code fit}
 * (inside|cover|contain|fill), {@code enlarge}, {@code progressive}, {@code strip} ({@code true|false}),
 * {@code subsampling} (420|444), {@code target} (a decimal such as 0.95). Each at most once; a bad value is
 * INVALID_REQUEST (INVALID_QUALITY for quality). Parameters it does not know are ignored, as before.
 */
final class CompressParameters {

    static final List<String> NAMES = List.of("width", "height", "fit", "enlarge", "target", "max_bytes",
            "progressive", "subsampling", "strip");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,9})?");

    private CompressParameters() {
    }

    /** @param rawQuery the request's query string as sent (percent-encoded), or null */
    static CompressOptions parse(String rawQuery) throws RequestException {
        QueryParameters query = QueryParameters.parse(rawQuery);
        int quality = QualityParameter.from(query);
        Map<String, String> values = valuesOf(query);
        CompressOptions defaults = new CompressOptions(quality);
        try {
            return new CompressOptions(
                    quality,
                    dimension(values, "width"),
                    dimension(values, "height"),
                    fit(values.get("fit")),
                    bool(values, "enlarge", false),
                    target(values.get("target")),
                    maxBytes(values.get("max_bytes")),
                    bool(values, "progressive", defaults.progressive()),
                    subsampling(values.get("subsampling")),
                    bool(values, "strip", defaults.strip()));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static Integer dimension(Map<String, String> values, String name) throws RequestException {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!DIGITS.matcher(value).matches() || value.length() > 9) {
            throw invalid(name + " must be a whole number from 1 to " + CompressOptions.MAX_DIMENSION + ", got '"
                    + QueryParameters.printable(value) + "'");
        }
        int parsed = Integer.parseInt(value);
        if (parsed < 1 || parsed > CompressOptions.MAX_DIMENSION) {
            throw invalid(name + " must be from 1 to " + CompressOptions.MAX_DIMENSION + ", got " + parsed);
        }
        return parsed;
    }

    private static Long maxBytes(String value) throws RequestException {
        if (value == null) {
            return null;
        }
        if (!DIGITS.matcher(value).matches() || Long.parseLong(value) < 1) {
            throw invalid("max_bytes must be a whole number of bytes, at least 1, got '" + QueryParameters.printable(value) + "'");
        }
        return Long.parseLong(value);
    }

    private static Double target(String value) throws RequestException {
        if (value == null) {
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw invalid("target must be a decimal SSIM score such as 0.95, got '" + QueryParameters.printable(value) + "'");
        }
        double parsed = Double.parseDouble(value);
        if (!(parsed > 0 && parsed <= 1)) {
            throw invalid("target must be above 0 and at most 1, got " + value);
        }
        return parsed;
    }

    private static boolean bool(Map<String, String> values, String name, boolean fallback) throws RequestException {
        String value = values.get(name);
        return switch (value) {
            case null -> fallback;
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name + " must be true or false, got '" + QueryParameters.printable(value) + "'");
        };
    }

    private static CompressOptions.Fit fit(String value) throws RequestException {
        return switch (value) {
            case null -> CompressOptions.Fit.INSIDE;
            case "inside" -> CompressOptions.Fit.INSIDE;
            case "cover" -> CompressOptions.Fit.COVER;
            case "contain" -> CompressOptions.Fit.CONTAIN;
            case "fill" -> CompressOptions.Fit.FILL;
            default -> throw invalid("fit must be inside, cover, contain or fill, got '" + QueryParameters.printable(value) + "'");
        };
    }

    private static CompressOptions.Subsampling subsampling(String value) throws RequestException {
        return switch (value) {
            case null -> CompressOptions.Subsampling.S420;
            case "420" -> CompressOptions.Subsampling.S420;
            case "444" -> CompressOptions.Subsampling.S444;
            default -> throw invalid("subsampling must be 420 or 444, got '" + QueryParameters.printable(value) + "'");
        };
    }

    private static Map<String, String> valuesOf(QueryParameters query) throws RequestException {
        Map<String, String> single = new HashMap<>();
        for (String name : NAMES) {
            String value = query.single(name, ErrorCode.INVALID_REQUEST);
            if (value != null) {
                single.put(name, value);
            }
        }
        return single;
    }

    private static RequestException invalid(String message) {
        return new RequestException(ErrorCode.INVALID_REQUEST, message);
    }
}
