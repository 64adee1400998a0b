package com.storagecompressai.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the gateway keeps compressed images, read once from the environment (api.md, "Configuration").
 * Construction checks only that the settings are complete and well-formed; it never contacts the store,
 * because starting must not depend on the store being reachable (that is readiness).
 *
 * <p>{@link #toString()} and {@link #describe()} never contain a key or secret.
 */
public record StorageConfig(Backend backend) {

    public StorageConfig {
        if (backend == null) {
            throw new IllegalArgumentException("storage backend is required");
        }
    }

    /** One of the three kinds of store, with exactly the settings it needs. */
    public sealed interface Backend permits Local, S3, Supabase {
        /** The value of {@code STORAGE_BACKEND} that selects this kind. */
        String kind();

        String bucket();
    }

    /**
     * A folder on this machine, served by the gateway under {@code /storage/v1/object/public/}.
     *
     * @param directory     {@code LOCAL_STORAGE_DIR}; objects live in {@code directory/bucket/name}
     * @param publicBaseUrl {@code PUBLIC_BASE_URL}, without a trailing slash
     */
    public record Local(Path directory, String bucket, URI publicBaseUrl) implements Backend {
        public Local {
            if (directory == null) {
                throw new IllegalArgumentException("LOCAL_STORAGE_DIR is required");
            }
            if (!ObjectName.isSafe(bucket)) {
                throw new IllegalArgumentException(
                        "LOCAL_BUCKET must be a plain folder name (letters, digits, . _ -), not '" + bucket + "'");
            }
            publicBaseUrl = httpUrl("PUBLIC_BASE_URL", publicBaseUrl);
        }

        @Override
        public String kind() {
            return "local";
        }
    }

    /**
     * Any S3-compatible store.
     *
     * @param endpoint      {@code S3_ENDPOINT}; empty means AWS itself (virtual-hosted addressing)
     * @param credentials   {@code S3_ACCESS_KEY_ID} and {@code S3_SECRET_ACCESS_KEY}; empty means the
     *                      SDK's default chain (environment, profile, instance role)
     * @param publicBaseUrl {@code S3_PUBLIC_BASE_URL}, e.g. a CDN in front of the bucket
     */
    public record S3(Optional<URI> endpoint, String region, String bucket, Optional<S3Credentials> credentials,
                     Optional<URI> publicBaseUrl) implements Backend {
        public S3 {
            endpoint = endpoint.map(url -> httpUrl("S3_ENDPOINT", url));
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("S3_REGION must not be blank");
            }
            if (bucket == null || bucket.isBlank()) {
                throw new IllegalArgumentException("S3_BUCKET is required when STORAGE_BACKEND=s3");
            }
            if (bucket.contains("/")) {
                throw new IllegalArgumentException("S3_BUCKET must be a bucket name, not a path: " + bucket);
            }
            publicBaseUrl = publicBaseUrl.map(url -> httpUrl("S3_PUBLIC_BASE_URL", url));
        }

        @Override
        public String kind() {
            return "s3";
        }
    }

    /** A static S3 key pair. {@link #toString()} shows the key id only. */
    public record S3Credentials(String accessKeyId, String secretAccessKey) {
        public S3Credentials {
            if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
                throw new IllegalArgumentException(
                        "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or both left unset)");
            }
        }

        @Override
        public String toString() {
            return "S3Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=(hidden)]";
        }
    }

    /**
     * Supabase Storage.
     *
     * @param url {@code SUPABASE_URL}, the project URL without a trailing slash
     * @param key {@code SUPABASE_KEY}: the service-role JWT or an {@code sb_secret_…} key
     */
    public record Supabase(URI url, String key, String bucket) implements Backend {
        public Supabase {
            url = httpUrl("SUPABASE_URL", url);
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("SUPABASE_KEY is required when STORAGE_BACKEND=supabase "
                        + "(the project's service-role key or an sb_secret_ key)");
            }
            if (key.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
                throw new IllegalArgumentException("SUPABASE_KEY contains spaces or control characters");
            }
            if (bucket == null || bucket.isBlank() || bucket.contains("/") || bucket.equals(".") || bucket.equals("..")) {
                throw new IllegalArgumentException("SUPABASE_BUCKET must be a bucket name, not '" + bucket + "'");
            }
        }

        @Override
        public String kind() {
            return "supabase";
        }

        @Override
        public String toString() {
            return "Supabase[url=" + url + ", key=(hidden), bucket=" + bucket + "]";
        }
    }

    /**
     * Reads {@code STORAGE_BACKEND} and the variables of the chosen backend. Blank values count as unset.
     *
     * @param gatewayPort the gateway's {@code PORT}, for the default {@code PUBLIC_BASE_URL}
     * @throws IllegalArgumentException with a one-line message naming the variable to fix
     */
    public static StorageConfig from(Map<String, String> env, int gatewayPort) {
        String kind = get(env, "STORAGE_BACKEND")
                .map(value -> value.toLowerCase(Locale.ROOT))
                .orElse(get(env, "SUPABASE_URL").isPresent() ? "supabase" : "local");
        Backend backend = switch (kind) {
            case "local" -> new Local(
                    path("LOCAL_STORAGE_DIR", get(env, "LOCAL_STORAGE_DIR").orElse("./data")),
                    get(env, "LOCAL_BUCKET").orElse("images"),
                    uri("PUBLIC_BASE_URL", get(env, "PUBLIC_BASE_URL").orElse("http://localhost:" + gatewayPort)));
            case "s3" -> new S3(
                    get(env, "S3_ENDPOINT").map(value -> uri("S3_ENDPOINT", value)),
                    get(env, "S3_REGION").orElse("us-east-1"),
                    get(env, "S3_BUCKET").orElse(null),
                    s3Credentials(env),
                    get(env, "S3_PUBLIC_BASE_URL").map(value -> uri("S3_PUBLIC_BASE_URL", value)));
            case "supabase" -> new Supabase(
                    uri("SUPABASE_URL", get(env, "SUPABASE_URL").orElseThrow(() -> new IllegalArgumentException(
                            "SUPABASE_URL is required when STORAGE_BACKEND=supabase (e.g. https://<project>.supabase.co)"))),
                    get(env, "SUPABASE_KEY").orElse(null),
                    get(env, "SUPABASE_BUCKET").orElse("images"));
            default -> throw new IllegalArgumentException(
                    "STORAGE_BACKEND must be supabase, s3 or local, not '" + kind + "'");
        };
        return new StorageConfig(backend);
    }

    /** One line for the startup log: backend, bucket and addresses, never a secret. */
    public String describe() {
        return switch (backend) {
            case Local local -> "storage=local dir=" + local.directory().toAbsolutePath().normalize()
                    + " bucket=" + local.bucket() + " publicBaseUrl=" + local.publicBaseUrl();
            case S3 s3 -> "storage=s3 endpoint=" + s3.endpoint().map(URI::toString).orElse("aws")
                    + " region=" + s3.region() + " bucket=" + s3.bucket()
                    + " credentials=" + s3.credentials().map(c -> "static(" + c.accessKeyId() + ")").orElse("default-chain")
                    + s3.publicBaseUrl().map(url -> " publicBaseUrl=" + url).orElse("");
            case Supabase supabase -> "storage=supabase url=" + supabase.url() + " bucket=" + supabase.bucket()
                    + " key=" + (supabase.key().startsWith("sb_") ? "sb_…" : "jwt") + "(hidden)";
        };
    }

    @Override
    public String toString() {
        return describe();
    }

    private static Optional<S3Credentials> s3Credentials(Map<String, String> env) {
        Optional<String> id = get(env, "S3_ACCESS_KEY_ID");
        Optional<String> secret = get(env, "S3_SECRET_ACCESS_KEY");
        if (id.isEmpty() && secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new S3Credentials(id.orElse(null), secret.orElse(null)));
    }

    private static Optional<String> get(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static Path path(String variable, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(variable + " is not a valid path: " + value);
        }
    }

    private static URI uri(String variable, String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(variable + " is not a valid URL: " + value);
        }
    }

    /** An absolute http(s) URL without query, fragment or trailing slash, so paths can be appended. */
    static URI httpUrl(String variable, URI url) {
        if (url == null) {
            throw new IllegalArgumentException(variable + " is required");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException(variable + " must be an http(s) URL with a host, not '" + url + "'");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(variable + " must not have a query, fragment or user info");
        }
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }
}
