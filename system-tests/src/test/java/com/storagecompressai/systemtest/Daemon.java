package com.storagecompressai.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One OS process of the cluster, started from a fixed command line and environment so that it can be started again
 * after a kill. Its output goes to {@code <name>.log} in its own working directory (appended across restarts).
 * Thread-safe.
 */
final class Daemon {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path directory;
    private Process process;

    Daemon(String name, List<String> command, Map<String, String> environment, Path directory) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.directory = directory;
    }

    String name() {
        return name;
    }

    Path directory() {
        return directory;
    }

    Path log() {
        return directory.resolve(name + ".log");
    }

    /** Starts the process with exactly {@link #environment} plus PATH and HOME, nothing inherited from the test. */
    synchronized Daemon start() {
        try {
            Files.createDirectories(directory);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            Map<String, String> env = builder.environment();
            String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
            String home = env.getOrDefault("HOME", directory.toString());
            env.clear();
            env.put("PATH", path);
            env.put("HOME", home);
            env.putAll(environment);
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized String exitCode() {
        return process == null || process.isAlive() ? "nothing" : Integer.toString(process.exitValue());
    }

    /**
     * SIGKILL: the process gets no chance to finish anything. Returns once it is gone.
     *
     * @return from just before the signal was sent until the process was gone
     */
    Window kill() {
        Process current;
        synchronized (this) {
            current = process;
        }
        long killedAt = System.nanoTime();
        if (current == null) {
            return new Window(killedAt, killedAt);
        }
        current.destroyForcibly();
        try {
            current.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Window(killedAt, System.nanoTime());
    }

    /** SIGTERM, then SIGKILL if it has not exited within a few seconds. */
    void stop() {
        Process current;
        synchronized (this) {
            current = process;
        }
        if (current == null || !current.isAlive()) {
            return;
        }
        current.destroy();
        try {
            if (!current.waitFor(5, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
