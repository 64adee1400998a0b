package com.storagecompressai.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of environment variables; each failure names the variable and the bad value. */
record EnvValues(Map<String, String> env) {

    Optional<String> text(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    long positiveLong(String name, long defaultValue) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.get());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the variable's name
        }
        throw new ConfigException(name + " must be a positive whole number, got \"" + value.get() + "\"");
    }

    int port(String name, int defaultValue) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed >= 0 && parsed <= 65535) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the variable's name
        }
        throw new ConfigException(name + " must be a port number (0-65535), got \"" + value.get() + "\"");
    }

    /** A comma-separated list of http(s) URLs; blank entries are skipped, empty when the variable is unset. */
    List<URI> httpUris(String name) {
        List<URI> uris = new ArrayList<>();
        for (String value : text(name).orElse("").split(",")) {
            if (!value.isBlank()) {
                uris.add(httpUri(name, value.strip()));
            }
        }
        return uris;
    }

    private static URI httpUri(String name, String value) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException ignored) {
            // reported below with the variable's name
        }
        throw new ConfigException(name + " must be an http(s) URL such as http://engine:8000, got \"" + value + "\"");
    }
}
