package com.storagecompressai.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A throwaway redis-server process on 127.0.0.1, no persistence. Needs the Debian package redis-server. */
final class RedisServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RedisServer start() throws IOException {
        Path binary = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server").stream()
                .map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "redis-server is not installed: run `apt-get install -y redis-server` to run this test"));
        int port = TestGateway.freePort();
        Process process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--loglevel", "notice")
                .redirectErrorStream(true)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            seen.append(line).append('\n');
            if (line.contains("Ready to accept connections")) {
                Thread.ofVirtual().start(() -> output.lines().forEach(ignored -> { }));
                return new RedisServer(process, port);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("redis-server exited before it was ready:\n" + seen);
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
