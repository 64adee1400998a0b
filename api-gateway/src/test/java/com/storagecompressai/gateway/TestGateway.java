package com.storagecompressai.gateway;

import com.storagecompressai.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A real gateway on 127.0.0.1 with the local backend in a temporary folder, and a client for it. */
public final class TestGateway implements AutoCloseable {

    public static final String KEY = "test-key-1";
    public static final String OTHER_KEY = "test-key-2";

    private final GatewayServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestGateway(GatewayServer server) {
        this.server = server;
    }

    /** @param overrides variables on top of the test defaults (two keys, local storage in {@code dataDir}) */
    public static TestGateway start(Path dataDir, Map<String, String> overrides) {
        int port = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("API_KEYS", KEY + "," + OTHER_KEY);
        env.put("PORT", Integer.toString(port));
        env.put("STORAGE_BACKEND", "local");
        env.put("LOCAL_STORAGE_DIR", dataDir.toString());
        env.put("PUBLIC_BASE_URL", "http://127.0.0.1:" + port);
        env.put("RATE_LIMIT_MAX", "1000");
        env.putAll(overrides);
        try {
            return new TestGateway(GatewayServer.start(GatewayConfig.from(env), "127.0.0.1"));
        } catch (Exception e) {
            throw new IllegalStateException("gateway did not start", e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    public HttpResponse<byte[]> compress(String key, MultipartBody body) {
        return compress(key, MultipartBody.contentType(), body.bytes());
    }

    public HttpResponse<byte[]> compress(String key, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/compress"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (key != null) {
            request.header("x-api-key", key);
        }
        return send(request.build());
    }

    public HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of the first series of {@code name} in /metrics (a name with its labels, or without any). */
    public double metric(String name) {
        for (String line : new String(get("/metrics").body(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError(name + " is not in /metrics");
    }

    public GatewayServer server() {
        return server;
    }

    @Override
    public void close() throws Exception {
        client.close();
        server.close();
    }
}
