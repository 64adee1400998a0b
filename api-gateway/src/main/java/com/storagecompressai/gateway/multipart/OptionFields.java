package com.storagecompressai.gateway.multipart;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.CompressOptions.Fit;
import com.storagecompressai.engine.api.CompressOptions.Subsampling;
import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.gateway.http.RequestException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The optional text fields of {@code POST /compress} beside {@code image}, read strictly: a value outside its
 * rule is 400 INVALID_REQUEST (INVALID_QUALITY for {@code quality}, which is checked first). Absent fields keep
 * {@link CompressOptions}' defaults, so a form with none of them compresses exactly as before they existed.
 */
public final class OptionFields {

    public static final String QUALITY = "quality";
    public static final String WIDTH = "width";
    public static final String HEIGHT = "height";
    public static final String FIT = "fit";
    public static final String ENLARGE = "enlarge";
    public static final String TARGET = "target";
    public static final String MAX_BYTES = "max_bytes";
    public static final String PROGRESSIVE = "progressive";
    public static final String SUBSAMPLING = "subsampling";
    public static final String STRIP = "strip";
    public static final String DEDUPE = "dedupe";

    public static final Set<String> NAMES = Set.of(QUALITY, WIDTH, HEIGHT, FIT, ENLARGE, TARGET, MAX_BYTES, PROGRESSIVE,
            SUBSAMPLING, STRIP, DEDUPE);

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,12}");
    private static final Pattern SCORE = Pattern.compile("0\\.[0-9]{1,9}|1(\\.0{1,9})?");

    /** @param dedupe whether the object name is derived from the image and the options */
    public record Parsed(CompressOptions options, boolean dedupe) {
    }

    private OptionFields() {
    }

    /** @throws RequestException for the first field that breaks its rule */
    public static Parsed parse(Map<String, String> fields) {
        int quality = fields.containsKey(QUALITY) ? QualityField.parse(fields.get(QUALITY)) : QualityField.DEFAULT;
        CompressOptions defaults = new CompressOptions(quality);
        try {
            CompressOptions options = defaults
                    .withSize(dimension(fields, WIDTH), dimension(fields, HEIGHT), fit(fields), flag(fields, ENLARGE, defaults.enlarge()))
                    .withTarget(target(fields), maxBytes(fields))
                    .withOutput(flag(fields, PROGRESSIVE, defaults.progressive()), subsampling(fields, defaults.subsampling()),
                            flag(fields, STRIP, defaults.strip()));
            return new Parsed(options, flag(fields, DEDUPE, false));
        } catch (IllegalArgumentException e) {
            throw new RequestException(ErrorCode.INVALID_REQUEST, e.getMessage());
        }
    }

    private static Integer dimension(Map<String, String> fields, String name) {
        String text = fields.get(name);
        if (text == null) {
            return null;
        }
        long value = DIGITS.matcher(text).matches() ? Long.parseLong(text) : -1;
        if (value < 1 || value > CompressOptions.MAX_DIMENSION) {
            throw invalid(name + " must be a whole number from 1 to " + CompressOptions.MAX_DIMENSION + " (decimal digits only)");
        }
        return (int) value;
    }

    private static Fit fit(Map<String, String> fields) {
        String text = fields.get(FIT);
        return switch (text) {
            case null -> Fit.INSIDE;
            case "inside", "cover", "contain", "fill" -> Fit.valueOf(text.toUpperCase(Locale.ROOT));
            default -> throw invalid("fit must be one of inside, cover, contain, fill");
        };
    }

    private static boolean flag(Map<String, String> fields, String name, boolean absent) {
        return switch (fields.get(name)) {
            case null -> absent;
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name + " must be true or false");
        };
    }

    private static Subsampling subsampling(Map<String, String> fields, Subsampling absent) {
        return switch (fields.get(SUBSAMPLING)) {
            case null -> absent;
            case "420" -> Subsampling.S420;
            case "444" -> Subsampling.S444;
            default -> throw invalid("subsampling must be 420 or 444");
        };
    }

    private static Double target(Map<String, String> fields) {
        String text = fields.get(TARGET);
        if (text == null) {
            return null;
        }
        if (!SCORE.matcher(text).matches() || Double.parseDouble(text) <= 0) {
            throw invalid("target must be a decimal above 0 and at most 1, like 0.95");
        }
        return Double.parseDouble(text);
    }

    private static Long maxBytes(Map<String, String> fields) {
        String text = fields.get(MAX_BYTES);
        if (text == null) {
            return null;
        }
        if (!DIGITS.matcher(text).matches() || Long.parseLong(text) < 1) {
            throw invalid("max_bytes must be a whole number of bytes, at least 1 (decimal digits only)");
        }
        return Long.parseLong(text);
    }

    private static RequestException invalid(String message) {
        return new RequestException(ErrorCode.INVALID_REQUEST, message);
    }
}
