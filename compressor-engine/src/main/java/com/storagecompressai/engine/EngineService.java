package com.storagecompressai.engine;

import com.storagecompressai.engine.config.EngineConfig;
import com.storagecompressai.engine.config.Environment;
import com.storagecompressai.engine.http.EngineServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code serve}: configuration from the environment, the HTTP service until SIGTERM/SIGINT, then a graceful stop. */
final class EngineService {

    private static final Logger LOG = LoggerFactory.getLogger(EngineService.class);

    private EngineService() {
    }

    static void serveUntilStopped() throws Exception {
        EngineConfig config = EngineConfig.from(Environment.load());
        LOG.info("effective configuration: {}", config);
        EngineServer server = EngineServer.start(config, config.host());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: finishing requests in flight (up to {} s)", config.stopTimeout().toSeconds());
            server.close();
        }, "engine-shutdown"));
        server.join();
    }
}
