package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/network/*} on every network served (issue 19): {@code ?network=} picks one (home by default), an unknown
 * one is a 400 naming {@code network}; each network's asset register follows its sections' electrification.
 */
class NetworkPerNetworkApiTest {
    private static final String VB = "vientiane-bangkok";
    private static final List<String> LISTS =
            List.of("/api/network/points", "/api/network/sections", "/api/network/structures");

    private static TestServer server;
    private static String maintainer;
    private static String passenger;

    @BeforeAll
    static void start() {
        server = TestServer.everyNetwork();
        String admin = server.adminToken();
        maintainer = server.user(admin, "kham.pw", "MAINTAINER");
        passenger = server.user(admin, "noi.rider", "PASSENGER");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> codes(JsonNode list, String field) {
        List<String> codes = new ArrayList<>();
        list.forEach(x -> codes.add(x.get(field).asText()));
        return codes;
    }

    @Test
    void theStationSearchFindsTheSecondNetworksStationsByTheirThaiNames() {
        JsonNode points = ok(server.get("/api/networks/" + VB + "/points"), 200);
        JsonNode nongKhai = null;
        for (JsonNode p : points) {
            if (p.get("code").asText().equals("NKI")) {
                nongKhai = p;
            }
        }
        assertThat(nongKhai).isNotNull();
        String thai = nongKhai.get("names").get("more").get("th").asText();
        String q = thai.substring(0, Math.min(4, thai.length()));
        // the stations any of whose names (or code) contains what was typed, by plain comparison: Thai folds to itself
        Set<String> expected = new TreeSet<>();
        for (JsonNode p : points) {
            if (!p.get("kind").asText().equals("PASSENGER")) {
                continue;
            }
            List<String> names = new ArrayList<>(List.of(p.get("code").asText()));
            p.get("names").fields().forEachRemaining(e -> names.add(e.getValue().asText()));
            p.get("names").get("more").forEach(n -> names.add(n.asText()));
            if (names.stream().anyMatch(n -> n.contains(q))) {
                expected.add(p.get("code").asText());
            }
        }
        JsonNode found = ok(server.get("/api/stations?network=" + VB + "&q=" + encode(q)), 200);
        assertThat(new TreeSet<>(codes(found, "code"))).isEqualTo(expected).contains("NKI");
        assertThat(found.get(0).get("currency").asText())
                .as("the currency its operator sells in, as the network's points say")
                .isEqualTo(currencyOf(points, found.get(0).get("code").asText()));
        assertThat(ok(server.get("/api/stations?q=" + encode(q)), 200))
                .as("home by default: no Thai names there")
                .isEmpty();
        assertThat(codes(ok(server.get("/api/stations?network=" + VB), 200), "code"))
                .as("every passenger station of the network without q")
                .containsAll(expected)
                .doesNotContainAnyElementsOf(codes(ok(server.get("/api/stations"), 200), "code"));
    }

    private static String encode(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private static String currencyOf(JsonNode points, String code) {
        for (JsonNode p : points) {
            if (p.get("code").asText().equals(code)) {
                return p.get("currency").asText();
            }
        }
        throw new AssertionError("no point " + code);
    }

    @Test
    void theSecondNetworksPointsAreItsOwnInItsKmOrder() {
        JsonNode points = ok(server.get("/api/network/points?network=" + VB), 200);
        List<String> mine = codes(points, "code");
        assertThat(mine)
                .as("the same points as the network's own list")
                .isEqualTo(codes(ok(server.get("/api/networks/" + VB + "/points"), 200), "code"));
        assertThat(mine).startsWith("KTW").endsWith("KSV").contains("NKI", "TLB");
        double previous = Double.NEGATIVE_INFINITY;
        for (JsonNode p : points) {
            assertThat(p.get("km").asDouble())
                    .as("SRT's km rise northward: %s", p.get("code"))
                    .isGreaterThan(previous);
            previous = p.get("km").asDouble();
        }
        assertThat(points.get(0).get("names").get("more").get("th").asText()).isNotBlank();
        List<String> home = codes(ok(server.get("/api/network/points"), 200), "code");
        assertThat(mine).doesNotContainAnyElementsOf(home);
        assertThat(codes(ok(server.get("/api/network/points?network=china-laos"), 200), "code"))
                .as("home named is home")
                .isEqualTo(home);
        assertThat(codes(ok(server.get("/api/network/points?network=Vientiane-Bangkok"), 200), "code"))
                .as("the code in any case")
                .isEqualTo(mine);
        assertThat(ok(server.get("/api/network/points?network=" + VB + "&include=assumed"), 200)
                        .size())
                .as("with its assumed loops")
                .isGreaterThanOrEqualTo(mine.size());
    }

    @Test
    void theSecondNetworksSectionsJoinItsPointsWithTheirTracksGaugeAndNoWires() {
        JsonNode sections = ok(server.get("/api/network/sections?network=" + VB), 200);
        List<String> points = codes(ok(server.get("/api/network/points?network=" + VB), 200), "code");
        assertThat(sections).hasSize(points.size() - 1);
        for (int i = 0; i < sections.size(); i++) {
            JsonNode s = sections.get(i);
            assertThat(s.get("from").asText()).isEqualTo(points.get(i));
            assertThat(s.get("to").asText()).isEqualTo(points.get(i + 1));
            assertThat(s.get("gaugeMm").asInt()).isEqualTo(1000);
            assertThat(s.get("electrification").asText()).isEqualToIgnoringCase("none");
            assertThat(s.get("tracks").asInt()).isBetween(1, 3);
        }
        assertThat(codes(sections, "tracks"))
                .as("single track in the north, more near Bangkok")
                .contains("1")
                .containsAnyOf("2", "3");
    }

    @Test
    void theSecondNetworksStructuresHaveTheBridgeAcrossItsBorder() {
        JsonNode border = null;
        for (JsonNode p : ok(server.get("/api/network/points?network=" + VB), 200)) {
            if (p.get("kind").asText().equals("BORDER")) {
                border = p;
            }
        }
        assertThat(border).isNotNull();
        double km = border.get("km").asDouble();
        JsonNode structures = ok(server.get("/api/network/structures?network=" + VB), 200);
        assertThat(structures).isNotEmpty();
        boolean bridge = false;
        for (JsonNode s : structures) {
            bridge |= s.get("kind").asText().equals("BRIDGE")
                    && s.get("fromKm").asDouble() <= km
                    && s.get("toKm").asDouble() >= km;
        }
        assertThat(bridge).as("a bridge across the border at km %s", km).isTrue();
        assertThat(codes(structures, "kind")).as("none of home's tunnels").doesNotContain("TUNNEL");
    }

    @Test
    void onePointIsFoundInAnyNetworkOrOnlyInTheOneNamed() {
        assertThat(ok(server.get("/api/network/points/ktw"), 200).get("code").asText())
                .isEqualTo("KTW");
        assertThat(ok(server.get("/api/network/points/KTW?network=" + VB), 200)
                        .get("km")
                        .asDouble())
                .isEqualTo(ok(server.get("/api/network/points?network=" + VB), 200)
                        .get(0)
                        .get("km")
                        .asDouble());
        TestServer.Reply elsewhere = server.get("/api/network/points/LPB?network=" + VB);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.isProblem()).isTrue();
        assertThat(elsewhere.json().get("field").asText()).isEqualTo("code");
    }

    @Test
    void anUnknownNetworkIsA400NamingNetworkOnEveryEndpoint() {
        List<String> paths = new ArrayList<>(LISTS);
        paths.add("/api/network/points/KTW");
        for (String path : paths) {
            for (String bad : List.of("atlantis", "china-laos-x", "%20x%20")) {
                TestServer.Reply r = server.get(path + "?network=" + bad);
                assertThat(r.status()).as(path + " " + bad).isEqualTo(400);
                assertThat(r.isProblem()).isTrue();
                assertThat(r.json().get("field").asText()).isEqualTo("network");
                assertThat(r.json().toString()).contains(VB).contains("china-laos");
            }
        }
    }

    @Test
    void theOpenApiDocumentSaysEachTakesNetworkAndIsPublic() {
        JsonNode doc = ok(server.get("/openapi.json"), 200);
        List<String> paths = new ArrayList<>(LISTS);
        paths.add("/api/network/points/{code}");
        for (String path : paths) {
            JsonNode get = doc.get("paths").get(path).get("get");
            assertThat(get.get("x-lancang-access").asText()).as(path).isEqualTo("public");
            assertThat(get.get("parameters").findValuesAsText("name")).as(path).contains("network");
            // public, as documented: no sign-in needed, and any signed-in role is answered too
            assertThat(server.get(path.replace("{code}", "NKI") + "?network=" + VB)
                            .status())
                    .isEqualTo(200);
            assertThat(server.get(path.replace("{code}", "NKI") + "?network=" + VB, passenger)
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void eachNetworksAssetRegisterHasAnOverheadLineExactlyWhereItsSectionsAreElectrified() {
        for (String network : List.of("china-laos", VB)) {
            Set<String> wired = new TreeSet<>();
            Set<String> all = new TreeSet<>();
            for (JsonNode s : ok(server.get("/api/network/sections?include=assumed&network=" + network), 200)) {
                String stretch = s.get("from").asText() + "-" + s.get("to").asText();
                all.add(stretch);
                if (!s.get("electrification").asText().equalsIgnoreCase("none")) {
                    wired.add(stretch);
                }
            }
            Set<String> overhead = stretches(network, "OVERHEAD_LINE");
            assertThat(overhead).as(network).isEqualTo(wired);
            assertThat(stretches(network, "TRACK")).as(network).isEqualTo(all);
        }
        assertThat(stretches(VB, "OVERHEAD_LINE"))
                .as("SRT's line is not electrified")
                .isEmpty();
        assertThat(stretches("china-laos", "OVERHEAD_LINE")).isNotEmpty();
        // the register is read by the maintenance roles only, whichever network is named
        assertThat(server.get("/api/maintenance/assets?network=" + VB).status()).isEqualTo(401);
        assertThat(server.get("/api/maintenance/assets?network=" + VB, passenger)
                        .status())
                .isEqualTo(403);
    }

    /** The from–to of each asset of that type in a network's register. */
    private static Set<String> stretches(String network, String type) {
        Set<String> stretches = new TreeSet<>();
        for (JsonNode a :
                ok(server.get("/api/maintenance/assets?network=" + network + "&type=" + type, maintainer), 200)) {
            stretches.add(a.get("attributes").get("from").asText() + "-"
                    + a.get("attributes").get("to").asText());
        }
        return stretches;
    }
}
