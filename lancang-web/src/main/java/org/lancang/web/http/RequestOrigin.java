package org.lancang.web.http;

import io.javalin.http.Context;
import java.util.Set;

/**
 * Where a request really comes from. Behind a TLS proxy the server sees the proxy's address and plain HTTP; the proxy
 * says what the client used in {@code X-Forwarded-Proto} and {@code X-Forwarded-For}. Those headers are believed only
 * from the addresses configured as trusted proxies (anyone else could send them), and are read once per request here,
 * for the session cookie ({@code Secure} when the client used HTTPS) and for sign-in throttling (per client address).
 */
public final class RequestOrigin {
    private static final String SECURE = "lancang.secure";
    private static final String CLIENT = "lancang.client";

    private RequestOrigin() {}

    /** Reads the request's scheme and client address, believing forwarded headers only from {@code trusted}. */
    public static void resolve(Context ctx, Set<String> trusted) {
        String peer = ctx.req().getRemoteAddr();
        boolean secure = ctx.scheme().equals("https");
        String client = peer;
        if (trusted.contains(peer)) {
            String proto = last(ctx.header("X-Forwarded-Proto"));
            if (proto != null) {
                secure = proto.equalsIgnoreCase("https");
            }
            String forwardedFor = ctx.header("X-Forwarded-For");
            if (forwardedFor != null) {
                String[] hops = forwardedFor.split(",");
                for (int i = hops.length - 1; i >= 0; i--) { // the nearest hop not itself a trusted proxy
                    String hop = hops[i].strip();
                    if (!hop.isEmpty()) {
                        client = hop;
                        if (!trusted.contains(hop)) {
                            break;
                        }
                    }
                }
            }
        }
        ctx.attribute(SECURE, secure);
        ctx.attribute(CLIENT, client);
    }

    /** Whether the client reached Lancang over HTTPS (directly, or through a trusted proxy). */
    public static boolean secure(Context ctx) {
        Object secure = ctx.attribute(SECURE);
        return secure instanceof Boolean b ? b : ctx.scheme().equals("https");
    }

    /** The client's address (as a trusted proxy reports it). */
    public static String clientAddress(Context ctx) {
        Object client = ctx.attribute(CLIENT);
        return client instanceof String s ? s : ctx.req().getRemoteAddr();
    }

    private static String last(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] values = header.split(",");
        return values[values.length - 1].strip();
    }
}
