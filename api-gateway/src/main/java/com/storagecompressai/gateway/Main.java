package com.storagecompressai.gateway;

import com.storagecompressai.engine.config.Environment;
import com.storagecompressai.gateway.config.ConfigException;
import com.storagecompressai.gateway.config.GatewayConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the gateway from the environment (and {@code ./.env}). A configuration problem prints one line
 * and exits with status 2; SIGTERM stops gracefully.
 */
public final class Main {

    static final int CONFIG_ERROR = 2;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        GatewayConfig config;
        try {
            config = GatewayConfig.from(Environment.load());
        } catch (ConfigException | java.io.UncheckedIOException e) {
            System.err.println("api-gateway: " + e.getMessage());
            System.exit(CONFIG_ERROR);
            return;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        log.info("starting api-gateway: {}", config.describe());
        GatewayServer server;
        try {
            server = GatewayServer.start(config, null);
        } catch (Exception e) {
            log.error("api-gateway could not start: {}", e.toString());
            System.exit(1);
            return;
        }
        log.info("api-gateway listening on port {}", server.port());
        server.join();
        log.info("api-gateway stopped");
    }
}
