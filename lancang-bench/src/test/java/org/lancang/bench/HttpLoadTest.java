package org.lancang.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The benchmark's load generator against a real HTTP server: answers of known length and chunked ones, refusals. */
class HttpLoadTest {
    @Test
    @Timeout(30) // an answer the generator cannot read to its end would leave it waiting
    void countsEveryAnswerOnKeptAliveConnectionsAndReportsRefusals() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        AtomicInteger served = new AtomicInteger();
        server.createContext("/fixed", exchange -> answer(exchange, 201, "{\"ok\":true}".repeat(3), false, served));
        server.createContext("/chunked", exchange -> answer(exchange, 201, "x".repeat(20_000), true, served));
        server.createContext("/refused", exchange -> answer(exchange, 409, "{\"detail\":\"sold out\"}", false, served));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        try {
            int port = server.getAddress().getPort();
            for (String path : List.of("/fixed", "/chunked")) {
                served.set(0);
                List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
                AtomicInteger ok = new AtomicInteger();
                AtomicInteger failed = new AtomicInteger();
                AtomicReference<String> refusal = new AtomicReference<>();
                new HttpLoad(
                                "127.0.0.1",
                                port,
                                8,
                                client -> HttpLoad.postJson(
                                        "127.0.0.1", port, path, "t" + client, "{\"n\":" + client + "}"),
                                201,
                                refusal::set)
                        .run(1, latencies, ok, failed);
                assertThat(ok.get())
                        .as(path)
                        .isPositive()
                        .isEqualTo(served.get())
                        .isEqualTo(latencies.size());
                assertThat(failed.get()).as(path + ": " + refusal.get()).isZero();
                assertThat(latencies).allSatisfy(ms -> assertThat(ms).isPositive());
            }
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicReference<String> refusal = new AtomicReference<>();
            new HttpLoad("127.0.0.1", port, 2, client -> HttpLoad.get("127.0.0.1", port, "/refused"), 201, refusal::set)
                    .run(1, Collections.synchronizedList(new ArrayList<>()), ok, failed);
            assertThat(ok.get()).isZero();
            assertThat(failed.get()).isPositive();
            assertThat(refusal.get()).isEqualTo("409 {\"detail\":\"sold out\"}");
        } finally {
            server.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body, boolean chunked, AtomicInteger served)
            throws IOException {
        exchange.getRequestBody().readAllBytes();
        served.incrementAndGet(); // before answering: once the client has every answer, every request is counted
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
