package com.storagecompressai.storage.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for Supabase Storage that is as strict as the real one about what we send (method,
 * path, {@code Authorization}, {@code apikey}, {@code Content-Type}, {@code x-upsert}, length) and answers
 * with the bodies seen on a real server (supabase-storage.md). Deletes are supabase-js's {@code remove}, checked
 * as strictly. Tests can script the next answers.
 */
final class FakeSupabaseStorage implements AutoCloseable {

    static final String DUPLICATE =
            "{\"statusCode\":\"409\",\"error\":\"Duplicate\",\"message\":\"The resource already exists\",\"code\":\"KeyAlreadyExists\"}";
    static final String NO_SUCH_BUCKET =
            "{\"statusCode\":\"404\",\"error\":\"Bucket not found\",\"message\":\"Bucket not found\",\"code\":\"NoSuchBucket\"}";
    static final String ACCESS_DENIED =
            "{\"statusCode\":\"403\",\"error\":\"Unauthorized\",\"message\":\"new row violates row-level security policy\",\"code\":\"AccessDenied\"}";
    static final String TOO_LARGE =
            "{\"statusCode\":\"413\",\"error\":\"Payload too large\",\"message\":\"The object exceeded the maximum allowed size\",\"code\":\"EntityTooLarge\"}";
    static final String INVALID_MIME =
            "{\"statusCode\":\"415\",\"error\":\"invalid_mime_type\",\"message\":\"mime type image/jpeg is not supported\",\"code\":\"InvalidMimeType\"}";
    static final String NO_AUTHORIZATION =
            "{\"statusCode\":\"400\",\"error\":\"Error\",\"message\":\"headers must have required property 'authorization'\",\"code\":\"InvalidRequest\"}";
    static final String NO_SUCH_KEY =
            "{\"statusCode\":\"404\",\"error\":\"not_found\",\"message\":\"Object not found\",\"code\":\"NoSuchKey\"}";
    static final String INTERNAL =
            "{\"statusCode\":\"500\",\"error\":\"internal\",\"message\":\"Internal Server Error\",\"code\":\"InternalError\"}";

    /** What the fake does with one upload instead of storing it. */
    sealed interface Scripted permits Answer, Hang, Drop, StoreThenDrop {
    }

    record Answer(int status, String body) implements Scripted {
    }

    /** Reads the request, then never answers. */
    record Hang() implements Scripted {
    }

    /** Reads the request, then closes the connection without an answer. */
    record Drop() implements Scripted {
    }

    /** Stores the object as usual, then closes the connection: a success the client never sees. */
    record StoreThenDrop() implements Scripted {
    }

    /** One request as the fake received it. */
    record Received(String method, String rawPath, Headers headers, byte[] body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OBJECT = "/storage/v1/object/";
    private static final String PUBLIC = "/storage/v1/object/public/";
    private static final String BUCKET = "/storage/v1/bucket/";

    private final String key;
    private final String bucket;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch released = new CountDownLatch(1);
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final List<Received> uploads = new CopyOnWriteArrayList<>();
    private final List<Received> deletes = new CopyOnWriteArrayList<>();
    private final Queue<Scripted> script = new ArrayDeque<>();
    private final Queue<Scripted> deleteScript = new ArrayDeque<>();
    private volatile Scripted always;

    FakeSupabaseStorage(String key, String bucket) throws IOException {
        this.key = key;
        this.bucket = bucket;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next uploads get these answers, in order; later ones are handled normally. */
    synchronized void scriptUploads(Scripted... answers) {
        script.addAll(List.of(answers));
    }

    /** Every upload gets this answer from now on. */
    void answerAllUploads(Scripted answer) {
        always = answer;
    }

    List<Received> uploads() {
        return List.copyOf(uploads);
    }

    /** The next deletes get these answers, in order; later ones are handled normally. */
    synchronized void scriptDeletes(Scripted... answers) {
        deleteScript.addAll(List.of(answers));
    }

    List<Received> deletes() {
        return List.copyOf(deletes);
    }

    Optional<byte[]> object(String name) {
        return Optional.ofNullable(objects.get(name));
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.startsWith(PUBLIC)) {
                servePublic(exchange, path.substring(PUBLIC.length()));
            } else if (method.equals("GET") && path.startsWith(BUCKET)) {
                answerBucket(exchange, path.substring(BUCKET.length()));
            } else if (method.equals("POST") && path.startsWith(OBJECT)) {
                uploads.add(new Received(method, path, exchange.getRequestHeaders(), body));
                upload(exchange, path.substring(OBJECT.length()), body);
            } else if (method.equals("DELETE") && path.startsWith(OBJECT)) {
                deletes.add(new Received(method, path, exchange.getRequestHeaders(), body));
                delete(exchange, path.substring(OBJECT.length()), body);
            } else {
                send(exchange, 404, "{\"statusCode\":\"404\",\"error\":\"Not Found\",\"message\":\"Route "
                        + method + ":" + path + " not found\"}");
            }
        }
    }

    private void upload(HttpExchange exchange, String bucketAndName, byte[] body) throws IOException {
        Scripted scripted = nextScripted();
        switch (scripted) {
            case Answer answer -> {
                send(exchange, answer.status(), answer.body());
                return;
            }
            case Hang _ -> {
                awaitRelease();
                return;
            }
            case Drop _ -> throw new IOException("fake drops the connection");
            case StoreThenDrop _ -> {
            }
            case null -> {
            }
        }
        Headers headers = exchange.getRequestHeaders();
        String[] parts = bucketAndName.split("/", 2);
        Optional<String> refusal = refusal(headers, body);
        if (refusal.isPresent()) {
            send(exchange, 400, refusal.get());
        } else if (parts.length != 2 || !parts[0].equals(bucket)) {
            send(exchange, 400, NO_SUCH_BUCKET);
        } else if (objects.containsKey(parts[1]) && !"true".equals(headers.getFirst("x-upsert"))) {
            send(exchange, 400, DUPLICATE);
        } else {
            objects.put(parts[1], body);
            if (scripted instanceof StoreThenDrop) {
                throw new IOException("fake drops the connection after storing");
            }
            send(exchange, 200, "{\"Key\":\"" + bucket + "/" + parts[1] + "\",\"Id\":\"" + UUID.randomUUID() + "\"}");
        }
    }

    /**
     * supabase-js's {@code remove([name])}: {@code DELETE /storage/v1/object/{bucket}} with the JSON body
     * {@code {"prefixes":[name]}}. Answers 200 with the removed objects, an empty list when none matched.
     */
    private void delete(HttpExchange exchange, String bucketName, byte[] body) throws IOException {
        Scripted scripted = nextScriptedDelete();
        switch (scripted) {
            case Answer answer -> {
                send(exchange, answer.status(), answer.body());
                return;
            }
            case Hang _ -> {
                awaitRelease();
                return;
            }
            case Drop _ -> throw new IOException("fake drops the connection");
            case StoreThenDrop _ -> throw new IllegalArgumentException("StoreThenDrop is for uploads");
            case null -> {
            }
        }
        Headers headers = exchange.getRequestHeaders();
        Optional<String> refusal = authorizationRefusal(headers);
        List<String> prefixes = prefixes(body);
        if (refusal.isPresent()) {
            send(exchange, 400, refusal.get());
        } else if (!"application/json".equals(headers.getFirst("Content-Type")) || prefixes == null) {
            send(exchange, 400, "{\"statusCode\":\"400\",\"error\":\"Error\",\"message\":"
                    + "\"body must have required property 'prefixes'\",\"code\":\"InvalidRequest\"}");
        } else if (!bucketName.equals(bucket)) {
            send(exchange, 400, NO_SUCH_BUCKET);
        } else {
            StringBuilder removed = new StringBuilder("[");
            for (String name : prefixes) {
                if (objects.remove(name) != null) {
                    removed.append(removed.length() > 1 ? "," : "").append("{\"name\":\"").append(name)
                            .append("\",\"bucket_id\":\"").append(bucket).append("\"}");
                }
            }
            send(exchange, 200, removed.append(']').toString());
        }
    }

    /** The {@code prefixes} of a delete body, or null when the body is not exactly {@code {"prefixes":[…]}}. */
    private static List<String> prefixes(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject() || node.size() != 1 || !node.path("prefixes").isArray()) {
                return null;
            }
            List<String> names = new ArrayList<>();
            for (JsonNode name : node.path("prefixes")) {
                if (!name.isTextual()) {
                    return null;
                }
                names.add(name.asText());
            }
            return names;
        } catch (IOException e) {
            return null;
        }
    }

    private Optional<String> authorizationRefusal(Headers headers) {
        String authorization = headers.getFirst("Authorization");
        if (!key.equals(headers.getFirst("apikey"))) {
            return Optional.of(ACCESS_DENIED);
        }
        if (key.startsWith("sb_secret_") ? authorization != null : !("Bearer " + key).equals(authorization)) {
            return Optional.of(authorization == null ? NO_AUTHORIZATION : ACCESS_DENIED);
        }
        return Optional.empty();
    }

    /** The checks a real server makes before it stores anything, answered as it would. */
    private Optional<String> refusal(Headers headers, byte[] body) {
        Optional<String> unauthorized = authorizationRefusal(headers);
        if (unauthorized.isPresent()) {
            return unauthorized;
        }
        if (!"image/jpeg".equals(headers.getFirst("Content-Type"))) {
            return Optional.of(INVALID_MIME);
        }
        if (!String.valueOf(body.length).equals(headers.getFirst("Content-Length"))) {
            return Optional.of(NO_AUTHORIZATION.replace("authorization", "content-length"));
        }
        return Optional.empty();
    }

    private void servePublic(HttpExchange exchange, String bucketAndName) throws IOException {
        String[] parts = bucketAndName.split("/", 2);
        byte[] content = parts.length == 2 && parts[0].equals(bucket) ? objects.get(parts[1]) : null;
        if (content == null) {
            send(exchange, 400, NO_SUCH_KEY);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
        exchange.sendResponseHeaders(200, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    private void answerBucket(HttpExchange exchange, String name) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        if (!key.equals(headers.getFirst("apikey"))) {
            send(exchange, 400, ACCESS_DENIED);
        } else if (!name.equals(bucket)) {
            send(exchange, 400, NO_SUCH_BUCKET);
        } else {
            send(exchange, 200, "{\"id\":\"" + bucket + "\",\"name\":\"" + bucket + "\",\"public\":true}");
        }
    }

    private synchronized Scripted nextScriptedDelete() {
        return deleteScript.poll();
    }

    private synchronized Scripted nextScripted() {
        Scripted next = script.poll();
        return next != null ? next : always;
    }

    private void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
