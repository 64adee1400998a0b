/**
 * The engine's HTTP service on Jetty 12 core. {@link com.storagecompressai.engine.http.EngineServer} wires
 * it; {@code EngineHandler} routes; {@code ErrorMapper} is the one place where failures become answers.
 * Public for reuse by the gateway: {@link com.storagecompressai.engine.http.ErrorBody},
 * {@link com.storagecompressai.engine.http.JsonResponses}, {@link com.storagecompressai.engine.http.JsonErrorHandler}
 * and {@link com.storagecompressai.engine.http.RequestIds}.
 */
package com.storagecompressai.engine.http;
