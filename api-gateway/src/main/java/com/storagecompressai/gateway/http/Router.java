package com.storagecompressai.gateway.http;

import org.eclipse.jetty.server.Request;

/** Picks the route for a request and produces its reply. May throw; the caller maps the failure. */
@FunctionalInterface
public interface Router {

    Routed route(String method, String path, Request request) throws Exception;
}
