package com.storagecompressai.systemtest;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * nginx.conf for the cluster: a public server that balances over the gateways and appends the client to
 * X-Forwarded-For, and an internal server that balances over the engines and retries a compression on the next engine
 * when one fails, even after the body was sent ({@code non_idempotent}: compressing is a pure function).
 *
 * @param prefix nginx's working directory: pid, logs and temp files stay under it
 * @param asRoot whether nginx's master runs as root (then its worker must too, to write under {@code prefix})
 */
record NginxConfig(Path prefix, boolean asRoot, int publicPort, List<Integer> gatewayPorts, int enginePort,
        List<Integer> enginePorts) {

    /** The name of the response header that says which gateway answered (nginx's {@code $upstream_addr}). */
    static final String UPSTREAM_HEADER = "X-Upstream";

    String render() {
        return """
                daemon off;
                master_process on;
                worker_processes 1;
                %s
                pid %s/nginx.pid;
                error_log %s/error.log notice;
                events { worker_connections 512; }
                http {
                    log_format cluster '$server_port $status "$upstream_addr" "$upstream_status" $request_time';
                    access_log %s/access.log cluster;
                    client_body_temp_path %s/temp/client_body;
                    proxy_temp_path %s/temp/proxy;
                    fastcgi_temp_path %s/temp/fastcgi;
                    uwsgi_temp_path %s/temp/uwsgi;
                    scgi_temp_path %s/temp/scgi;
                    client_max_body_size 30m;
                    # Uploads stay in memory, so a retry on another engine can send the body again.
                    client_body_buffer_size 2m;
                    proxy_connect_timeout 2s;
                    proxy_read_timeout 60s;

                    upstream gateways {
                %s
                    }
                    upstream engines {
                %s
                    }
                    server {
                        listen 127.0.0.1:%d;
                        location / {
                            proxy_pass http://gateways;
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            # A POST that reached a gateway is never sent twice: only refused connections move on.
                            proxy_next_upstream error timeout;
                            add_header %s $upstream_addr always;
                        }
                    }
                    server {
                        listen 127.0.0.1:%d;
                        location / {
                            proxy_pass http://engines;
                            proxy_next_upstream error timeout http_502 http_503 non_idempotent;
                        }
                    }
                }
                """.formatted(
                asRoot ? "user root;" : "",
                prefix, prefix, prefix, prefix, prefix, prefix, prefix, prefix,
                servers(gatewayPorts), servers(enginePorts),
                publicPort, UPSTREAM_HEADER, enginePort);
    }

    Path temp() {
        return prefix.resolve("temp");
    }

    private static String servers(List<Integer> ports) {
        // A dead server is skipped for 2 s after one failure, then tried again (it may have been restarted).
        return ports.stream()
                .map(port -> "        server 127.0.0.1:" + port + " max_fails=1 fail_timeout=2s;")
                .collect(Collectors.joining("\n"));
    }
}
