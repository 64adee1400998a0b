package com.storagecompressai.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A bare socket to the gateway, for requests no well-behaved client would send (stalls, lies, trickles). */
final class RawHttp implements AutoCloseable {

    private final Socket socket;

    RawHttp(int port, int readTimeoutMillis) throws IOException {
        this(new Socket("127.0.0.1", port), readTimeoutMillis);
    }

    private RawHttp(Socket socket, int readTimeoutMillis) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(readTimeoutMillis);
    }

    /** Reads responses from a socket the test also writes to from another thread. */
    static RawHttp over(Socket socket, int readTimeoutMillis) throws IOException {
        return new RawHttp(socket, readTimeoutMillis);
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** The next response, or empty when the server closed the connection without one. */
    Optional<Response> response() throws IOException {
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        if (statusLine == null) {
            return Optional.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return Optional.of(new Response(Integer.parseInt(statusLine.split(" ")[1]), headers,
                new String(body, StandardCharsets.UTF_8)));
    }

    /** True once the server has closed its side (reads return end of stream). */
    boolean closedByServer() throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    /** One CRLF- or LF-ended line, or null at the end of the stream or on a reset. */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        try {
            c = in.read();
        } catch (java.net.SocketException reset) {
            return null;
        }
        if (c == -1) {
            return null;
        }
        while (c != -1 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
            c = in.read();
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Response(int status, Map<String, String> headers, String body) {
    }
}
