package org.lancang.store.tracking;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which webhook URLs Lancang may call, so that a subscription cannot make the server reach inside its own network
 * (SSRF): https only, to a host whose every address is public. An administrator may allow named hosts
 * ({@code LANCANG_WEBHOOK_ALLOW_HOSTS}), which may then also take http and resolve to private addresses: a local
 * receiver in tests and benchmarks. Checked when subscribing and again before each delivery, because a name may
 * resolve elsewhere by then (DNS rebinding).
 */
public final class CallbackPolicy {
    /** Hosts that look like an IPv4 number in any form inet_aton takes: decimal, 0x hex or 0-prefixed octal parts. */
    private static final Pattern NUMERIC = Pattern.compile("[0-9a-fx.]+");

    private final Set<String> allowed;

    public CallbackPolicy(Set<String> allowedHosts) {
        this.allowed = allowedHosts.stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public Set<String> allowedHosts() {
        return allowed;
    }

    /**
     * Why {@code uri} may not be called, or empty when it may. A name that does not resolve is refused only when
     * {@code unresolvedRefused} (at delivery; when subscribing it is checked again later).
     */
    public Optional<String> refusal(URI uri, boolean unresolvedRefused) {
        String host = host(uri);
        if (allowed.contains(host)) {
            return Optional.empty();
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of("must be https (http only to a host the administrator allows)");
        }
        try {
            Optional<InetAddress> literal = literal(host);
            InetAddress[] addresses =
                    literal.isPresent() ? new InetAddress[] {literal.get()} : InetAddress.getAllByName(host);
            for (InetAddress a : addresses) {
                Optional<String> why = internal(a);
                if (why.isPresent()) {
                    return Optional.of("host '" + host + "' is " + why.get() + " (" + a.getHostAddress() + ")");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return unresolvedRefused ? Optional.of("host '" + host + "' does not resolve") : Optional.empty();
        }
    }

    static String host(URI uri) {
        String h = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /** An address written as a literal: IPv6, or IPv4 in any inet_aton form (which the resolver may not read alike). */
    static Optional<InetAddress> literal(String host) throws UnknownHostException {
        if (host.contains(":")) {
            return Optional.of(InetAddress.getByName(host)); // a literal: no lookup
        }
        if (!NUMERIC.matcher(host).matches() || !Character.isDigit(host.charAt(0))) {
            return Optional.empty();
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            try {
                if (p.startsWith("0x")) {
                    values[i] = Long.parseLong(p.substring(2), 16);
                } else if (p.length() > 1 && p.startsWith("0")) {
                    values[i] = Long.parseLong(p.substring(1), 8);
                } else {
                    values[i] = Long.parseLong(p);
                }
            } catch (NumberFormatException e) {
                return Optional.empty(); // a name such as 1a.example, not a number
            }
        }
        long value = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
            value = (value << 8) | values[i];
        }
        int lastBytes = 4 - (parts.length - 1);
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * lastBytes)) {
            return Optional.empty();
        }
        value = (value << (8 * lastBytes)) | last;
        byte[] b = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        return Optional.of(InetAddress.getByAddress(host, b));
    }

    /** What makes an address one inside a network (not to be called), if anything. */
    static Optional<String> internal(InetAddress a) throws UnknownHostException {
        // ::1 and :: are IPv4-compatible in form too: they are named for what they are first
        if (a instanceof Inet6Address v6
                && v6.isIPv4CompatibleAddress()
                && !a.isLoopbackAddress()
                && !a.isAnyLocalAddress()) {
            byte[] b = v6.getAddress();
            return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        }
        byte[] b = a.getAddress();
        if (a.isAnyLocalAddress() || (a instanceof Inet4Address && (b[0] == 0))) {
            return Optional.of("unspecified");
        }
        if (a.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (a.isMulticastAddress() || (a instanceof Inet4Address && (b[0] & 0xff) == 255)) {
            return Optional.of("multicast or broadcast");
        }
        boolean uniqueLocal = a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc; // fc00::/7
        boolean sharedSpace = a instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64/10
        if (a.isSiteLocalAddress() || uniqueLocal || sharedSpace) {
            return Optional.of("private");
        }
        return Optional.empty();
    }
}
