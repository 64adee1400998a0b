package com.storagecompressai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A stop (what SIGTERM triggers) takes no new requests but lets the request in flight finish. */
class GracefulStopIT {

    @TempDir
    Path data;

    @Test
    @Timeout(120)
    void finishesTheRequestInFlightAndTakesNoNewRequests() throws Exception {
        TestGateway gateway = TestGateway.start(data, Map.of());
        GatewayServer server = gateway.server();
        byte[] body = MultipartBody.create().file("image", "a.png", "image/png", TestImages.gradientPng(64, 64)).bytes();
        int half = body.length / 2;
        URI health = gateway.uri("/health");
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            // given an upload of which only the headers and half the body have arrived
            OutputStream out = socket.getOutputStream();
            out.write(("POST /compress HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: " + TestGateway.KEY
                    + "\r\nContent-Type: " + MultipartBody.contentType() + "\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, half);
            out.flush();
            Await.until(() -> server.requestsInFlight() == 1);
            // when the gateway is stopped
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
                try {
                    gateway.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Await.until(server::isShuttingDown);
            boolean newRequestServed = servesNewRequest(health);
            out.write(body, half, body.length - half);
            out.flush();
            // then the request in flight completes normally, and no new request was served meanwhile
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            stopped.get(60, TimeUnit.SECONDS);
            assertThat(response).startsWith("HTTP/1.1 200 ").contains("\"url\"");
            assertThat(newRequestServed).isFalse();
        }
    }

    @Test
    @Timeout(120)
    void aRequestStuckPastTheStopDeadlineDoesNotHoldTheStop() throws Exception {
        // given a 1 s stop deadline, and an upload that stops sending halfway (its read timeout is 30 s)
        TestGateway gateway = TestGateway.start(data, Map.of("GATEWAY_STOP_TIMEOUT_SECONDS", "1"));
        GatewayServer server = gateway.server();
        byte[] body = MultipartBody.create().file("image", "a.png", "image/png", TestImages.gradientPng(64, 64)).bytes();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /compress HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: " + TestGateway.KEY
                    + "\r\nContent-Type: " + MultipartBody.contentType() + "\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            Await.until(() -> server.requestsInFlight() == 1);
            // when the gateway is stopped
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
                try {
                    gateway.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // then the stop ends long before the stuck upload's own 30 s read timeout, and the connection is closed
            stopped.get(20, TimeUnit.SECONDS);
            socket.setSoTimeout(10_000);
            socket.getInputStream().readAllBytes();
        }
    }

    private static boolean servesNewRequest(URI health) {
        try (HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<Void> response = fresh.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
