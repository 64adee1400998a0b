package com.storagecompressai.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Supabase Storage contract server on 127.0.0.1 that fails on demand: each upload takes the next
 * scripted {@link Fault} (then {@link #otherwise}). Objects are kept when an upload is answered 200, or stored before a
 * dropped answer ({@link Fault#STORE_THEN_CLOSE}); deletes remove them unless {@link #deletesFail}.
 */
final class FakeSupabase implements AutoCloseable {

    /** STORE_THEN_CLOSE keeps the object and drops the connection: a success whose answer is lost. */
    enum Fault { NONE, HTTP_500, HTTP_503, HANG, CLOSE, STORE_THEN_CLOSE }

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String LEAKY_DETAIL = "pg: relation storage.objects internal-secret-detail";

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final LinkedBlockingQueue<Fault> script = new LinkedBlockingQueue<>();
    private volatile Fault otherwise = Fault.NONE;
    final AtomicInteger uploads = new AtomicInteger();
    final AtomicInteger deletes = new AtomicInteger();
    /** While true, deletes are answered 503 (the store is down for them). */
    volatile boolean deletesFail;
    final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    FakeSupabase() throws IOException {
        Thread.ofVirtual().start(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    FakeSupabase then(Fault... faults) {
        script.addAll(List.of(faults));
        return this;
    }

    FakeSupabase otherwise(Fault fault) {
        otherwise = fault;
        return this;
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = server.accept();
                open.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            }
        } catch (IOException closed) {
            // done
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String requestLine = RawHttp.line(in);
                if (requestLine == null) {
                    return;
                }
                long length = 0;
                for (String header = RawHttp.line(in); header != null && !header.isEmpty(); header = RawHttp.line(in)) {
                    if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Long.parseLong(header.substring(15).strip());
                    }
                }
                byte[] body = in.readNBytes((int) length);
                String[] parts = requestLine.split(" ");
                if (parts[0].equals("POST") && parts[1].startsWith("/storage/v1/object/")) {
                    uploads.incrementAndGet();
                    Fault fault = script.poll();
                    switch (fault == null ? otherwise : fault) {
                        case NONE -> {
                            objects.put(parts[1].substring("/storage/v1/object/".length()), body);
                            respond(out, 200, "{\"Key\":\"" + parts[1].substring(19) + "\"}");
                        }
                        case HTTP_500 -> respond(out, 500, "{\"statusCode\":\"500\",\"error\":\"internal\",\"message\":\"" + LEAKY_DETAIL + "\"}");
                        case HTTP_503 -> respond(out, 503, "{\"statusCode\":\"503\",\"error\":\"unavailable\",\"message\":\"" + LEAKY_DETAIL + "\"}");
                        case HANG -> {
                            in.read();
                            return;
                        }
                        case CLOSE -> {
                            socket.setSoLinger(true, 0);
                            return;
                        }
                        case STORE_THEN_CLOSE -> {
                            objects.put(parts[1].substring("/storage/v1/object/".length()), body);
                            socket.setSoLinger(true, 0);
                            return;
                        }
                    }
                } else if (parts[0].equals("DELETE") && parts[1].startsWith("/storage/v1/object/")) {
                    deletes.incrementAndGet();
                    if (deletesFail) {
                        respond(out, 503, "{\"statusCode\":\"503\",\"error\":\"unavailable\",\"message\":\"down\"}");
                    } else {
                        // supabase-js's remove: DELETE /storage/v1/object/{bucket} with {"prefixes":[name, …]}
                        String bucket = parts[1].substring("/storage/v1/object/".length());
                        for (JsonNode name : JSON.readTree(body).path("prefixes")) {
                            objects.remove(bucket + "/" + name.asText());
                        }
                        respond(out, 200, "[]");
                    }
                } else {
                    respond(out, 200, "[]");
                }
            }
        } catch (IOException gone) {
            // the client went away
        }
    }

    private static void respond(OutputStream out, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
