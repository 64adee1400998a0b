package com.storagecompressai.engine.http;

import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The plain HTTP/1.1 connector both services listen on. */
public final class HttpConnectors {

    private HttpConnectors() {
    }

    /**
     * Adds to {@code server} a connector on {@code host} (null: every interface) and {@code port} (0: a free
     * one) that names no server software and closes a connection that sends nothing for {@code idleTimeout}
     * (a stalled upload, a slow-loris).
     */
    public static ServerConnector add(Server server, String host, int port, Duration idleTimeout) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(idleTimeout.toMillis());
        server.addConnector(connector);
        return connector;
    }
}
