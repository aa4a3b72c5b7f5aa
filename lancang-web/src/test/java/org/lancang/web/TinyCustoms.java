package org.lancang.web;

import static org.lancang.web.TestServer.ok;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lancang.store.testing.TestClock;
import org.lancang.store.testing.TestNetworkFolder;

/**
 * The tiny line with its freight additions (three countries, borders QXAB, QXBC and QXCB) served beside China–Laos on
 * a test clock set 12 hours before the test's day, with a shipper, a freight office, a dispatcher and a customs officer
 * of each country (XA, XB, XC), each user named {@code <prefix>.<role>} and signed in at that time.
 */
final class TinyCustoms implements AutoCloseable {
    static final String NETWORK = "tiny";
    static final List<String> COUNTRIES = List.of("XA", "XB", "XC");

    final TestServer server;
    final String prefix;
    final String shipper;
    final String office;
    final String dispatcher;
    private final Map<String, String> officers = new HashMap<>();

    private TinyCustoms(String prefix, LocalDate day) {
        TestClock clock = TestClock.at("2026-12-09T00:00:00Z");
        this.server = TestServer.withOthers(List.of(TestNetworkFolder.tinyWithFreight()), clock);
        this.prefix = prefix;
        String admin = server.adminToken();
        FreightApiTest.user(server, admin, prefix + ".shipper", "SHIPPER");
        FreightApiTest.user(server, admin, prefix + ".office", "FREIGHT_OFFICE");
        FreightApiTest.user(server, admin, prefix + ".dispatcher", "DISPATCHER");
        for (String country : COUNTRIES) {
            String name = officerName(country);
            FreightApiTest.user(server, admin, name, "CUSTOMS");
            ok(
                    server.putJson("/api/freight/customs/officers/" + name, admin, "{\"country\":\"" + country + "\"}"),
                    200);
        }
        clock.set(day.atStartOfDay()
                .toInstant(ZoneOffset.UTC)
                .minus(Duration.ofHours(12))
                .toString());
        // sessions expire as the clock moves on: sign everyone in at the test's time
        this.shipper = token(prefix + ".shipper");
        this.office = token(prefix + ".office");
        this.dispatcher = token(prefix + ".dispatcher");
        COUNTRIES.forEach(c -> officers.put(c, token(officerName(c))));
    }

    /** The server and its users, the clock 12 hours before {@code day} (UTC midnight). */
    static TinyCustoms start(String prefix, LocalDate day) {
        return new TinyCustoms(prefix, day);
    }

    String officerName(String country) {
        return prefix + "." + country.toLowerCase(Locale.ROOT);
    }

    /** The token of the customs officer of {@code country}. */
    String officer(String country) {
        return officers.get(country);
    }

    /** The password {@link FreightApiTest#user} gives a user. */
    static String password(String username) {
        return "password of " + username;
    }

    private String token(String username) {
        return server.token(username, password(username));
    }

    @Override
    public void close() {
        server.close();
    }
}
