package org.lancang.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A load generator in the manner of wrk: one thread drives every client's kept-alive HTTP/1.1 connection without
 * blocking, each client with one request outstanding and the next sent as soon as its answer is in. On a two-core
 * machine a thread per client would spend the cores the server is being measured on.
 */
final class HttpLoad {
    /** The next request of a client, as the bytes to send. */
    interface Requests extends IntFunction<byte[]> {}

    private final InetSocketAddress server;
    private final int clients;
    private final Requests requests;
    private final int expectedStatus;
    private final Consumer<String> refusal;

    /**
     * @param expectedStatus the status of a successful answer; any other is counted as refused and its first line and
     *                       body handed to {@code refusal}
     */
    HttpLoad(String host, int port, int clients, Requests requests, int expectedStatus, Consumer<String> refusal) {
        this.server = new InetSocketAddress(host, port);
        this.clients = clients;
        this.requests = requests;
        this.expectedStatus = expectedStatus;
        this.refusal = refusal;
    }

    /** Builds a request with a JSON body and a bearer token. */
    static byte[] postJson(String host, int port, String path, String bearer, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer "
                        + bearer + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** Builds a GET without credentials. */
    static byte[] get(String host, int port, String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Runs the clients for the given time, counting answers and recording each one's latency in milliseconds. */
    void run(int seconds, List<Double> latencies, AtomicInteger ok, AtomicInteger failed) throws IOException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        try (Selector selector = Selector.open()) {
            for (int c = 0; c < clients; c++) {
                new Connection(c, selector).send(requests.apply(c));
            }
            int open = clients;
            while (open > 0) {
                selector.select(1_000);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!ready((Connection) key.attachment(), end, latencies, ok, failed)) {
                        open--;
                    }
                }
                selector.selectedKeys().clear();
            }
        }
    }

    /**
     * Moves one connection on: writes, or reads and when its answer is complete counts it and sends the next request
     * (or closes it once the time is up). False once the connection is closed. Kept apart from the select loop, so
     * that a second run starts on code compiled during the first instead of on the interpreter.
     */
    private boolean ready(
            Connection connection, long end, List<Double> latencies, AtomicInteger ok, AtomicInteger failed) {
        try {
            if (connection.key.isWritable()) {
                connection.write();
            }
            if (connection.key.isReadable()) {
                int status = connection.read();
                if (status > 0) {
                    latencies.add((System.nanoTime() - connection.sentAt) / 1e6);
                    if (status == expectedStatus) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        refusal.accept(status + " " + connection.body());
                    }
                    if (System.nanoTime() >= end) {
                        connection.close();
                        return false;
                    }
                    connection.send(requests.apply(connection.client));
                }
            }
            return true;
        } catch (IOException e) {
            failed.incrementAndGet();
            refusal.accept(e.toString());
            connection.close();
            return false;
        }
    }

    /** One client's connection: the request being written, then its answer being read. */
    private final class Connection {
        final int client;
        private final SocketChannel channel;
        final SelectionKey key;
        private ByteBuffer out;
        private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        long sentAt;
        private int bodyStart;
        private int bodyEnd;

        Connection(int client, Selector selector) throws IOException {
            this.client = client;
            channel = SocketChannel.open(server);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, 0, this);
        }

        void send(byte[] request) throws IOException {
            out = ByteBuffer.wrap(request);
            in.clear();
            sentAt = System.nanoTime();
            write();
        }

        void write() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** Reads what has arrived: the answer's status once it is complete, else 0. */
        int read() throws IOException {
            if (!in.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
                in.flip();
                bigger.put(in);
                in = bigger;
            }
            if (channel.read(in) < 0) {
                throw new IOException("the server closed the connection");
            }
            return complete();
        }

        /** The status if the buffer holds a whole answer (Content-Length or chunked), else 0. */
        private int complete() throws IOException {
            byte[] b = in.array();
            int n = in.position();
            int headEnd = indexOf(b, 0, n, "\r\n\r\n");
            if (headEnd < 0) {
                return 0;
            }
            String head = new String(b, 0, headEnd, StandardCharsets.ISO_8859_1);
            if (!head.startsWith("HTTP/1.1 ")) {
                throw new IOException(
                        "not an HTTP/1.1 answer: " + head.lines().findFirst().orElse(""));
            }
            int status = Integer.parseInt(head.substring(9, 12));
            bodyStart = headEnd + 4;
            String lower = head.toLowerCase(Locale.ROOT);
            int length = lower.indexOf("\r\ncontent-length:");
            if (length >= 0) {
                int eol = lower.indexOf("\r\n", length + 2);
                int size = Integer.parseInt(lower.substring(length + 17, eol < 0 ? lower.length() : eol)
                        .strip());
                bodyEnd = bodyStart + size;
                return n >= bodyEnd ? status : 0;
            }
            if (lower.contains("\r\ntransfer-encoding: chunked")) {
                int at = bodyStart;
                while (true) { // walk the chunks that have arrived
                    int eol = indexOf(b, at, n, "\r\n");
                    if (eol < 0) {
                        return 0;
                    }
                    int size = Integer.parseInt(
                            new String(b, at, eol - at, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
                    if (size == 0) {
                        bodyEnd = at;
                        return n >= eol + 4 ? status : 0; // the last chunk, then the empty trailer line
                    }
                    at = eol + 2 + size + 2;
                    if (at > n) {
                        return 0;
                    }
                }
            }
            throw new IOException("an answer without Content-Length or chunks cannot be kept alive");
        }

        String body() {
            return new String(
                    in.array(),
                    bodyStart,
                    Math.max(0, Math.min(bodyEnd, in.position()) - bodyStart),
                    StandardCharsets.UTF_8);
        }

        void close() {
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // the run is over for this client either way
            }
        }
    }

    private static int indexOf(byte[] b, int from, int to, String what) {
        outer:
        for (int i = from; i <= to - what.length(); i++) {
            for (int k = 0; k < what.length(); k++) {
                if (b[i + k] != what.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
