package com.storagecompressai.engine.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings both services read: the process environment over an optional {@code .env} file
 * (KEY=VALUE lines, {@code #} comments, optional {@code export } and quotes). A variable set in the
 * environment always wins over the file. An empty value means unset, so a copied {@code .env.example}
 * keeps every default.
 */
public final class Environment {

    private Environment() {
    }

    /** The process environment merged over {@code ./.env} when it exists. */
    public static Map<String, String> load() {
        return merge(System.getenv(), Path.of(".env"));
    }

    static Map<String, String> merge(Map<String, String> processEnvironment, Path dotEnv) {
        Map<String, String> merged = new HashMap<>();
        if (Files.isRegularFile(dotEnv)) {
            merged.putAll(parse(readLines(dotEnv)));
        }
        merged.putAll(processEnvironment);
        merged.values().removeIf(String::isBlank);
        return Map.copyOf(merged);
    }

    static Map<String, String> parse(List<String> lines) {
        Map<String, String> values = new HashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            values.put(line.substring(0, equals).strip(), unquote(line.substring(equals + 1).strip()));
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
                return value.substring(1, value.length() - 1);
            }
        }
        int comment = value.indexOf(" #");
        return comment >= 0 ? value.substring(0, comment).strip() : value;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
