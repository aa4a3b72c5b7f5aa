package org.lancang.app;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A load generator's HTTP/1.1 connection: one socket kept alive, one request at a time, the answer read to its end
 * (Content-Length or chunked). Like wrk or ab, it does as little as possible, so that on a two-core machine the
 * benchmark measures the server rather than its clients (the JDK's HttpClient costs several times more per request).
 */
final class KeepAliveHttp implements AutoCloseable {
    /** The status and body of an answer. */
    record Answer(int status, String body) {
    }

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    KeepAliveHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** POSTs a JSON body with a bearer token; reconnects once if the server closed the idle connection. */
    Answer postJson(String path, String bearer, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + bearer
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        return send(head, body);
    }

    /** GETs a path without credentials. */
    Answer get(String path) throws IOException {
        return send(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
    }

    private Answer send(byte[] head, byte[] body) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                connect();
                out.write(head);
                out.write(body);
                out.flush();
                return read();
            } catch (IOException e) {
                close();
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private void connect() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }
    }

    private Answer read() throws IOException {
        String status = line();
        if (status == null || !status.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closes = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
                 size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                copy(size, body);
                line(); // the CRLF after each chunk
            }
            line(); // the CRLF after the last (empty) chunk; no trailers are sent
        } else if (length >= 0) {
            copy(length, body);
        } else {
            closes = true;
            in.transferTo(body);
        }
        if (closes) {
            close();
        }
        return new Answer(code, body.toString(StandardCharsets.UTF_8));
    }

    private void copy(long n, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[8192];
        while (n > 0) {
            int got = in.read(buffer, 0, (int) Math.min(buffer.length, n));
            if (got < 0) {
                throw new IOException("connection closed in the middle of an answer");
            }
            to.write(buffer, 0, got);
            n -= got;
        }
    }

    /** One header line without its CRLF, or null at the end of the stream. */
    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int end = sb.length();
                return end > 0 && sb.charAt(end - 1) == '\r' ? sb.substring(0, end - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection that is going away anyway
            }
        }
        socket = null;
        out = null;
        in = null;
    }
}
