package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public network and rolling-stock API against the real embedded PostgreSQL. */
class NetworkApiTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void listsThe36PointsInKmOrderWithChineseAndLaoNames() {
        TestServer.Reply r = server.get("/api/network/points");
        assertThat(r.status()).isEqualTo(200);
        JsonNode points = r.json();
        assertThat(points).hasSize(36);
        assertThat(points.get(0).get("code").asText()).isEqualTo("KMG");
        assertThat(points.get(0).get("km").asDouble()).isZero();
        assertThat(points.get(1).get("code").asText()).isEqualTo("KMS");
        assertThat(points.get(1).get("km").asDouble()).isEqualTo(18.0);
        assertThat(points.get(35).get("code").asText()).isEqualTo("VTS");
        assertThat(points.get(1).get("names").get("zh").asText()).isEqualTo("昆明南");
        double previous = -1;
        List<String> codes = new ArrayList<>();
        for (JsonNode p : points) {
            assertThat(p.get("km").asDouble()).isGreaterThan(previous);
            previous = p.get("km").asDouble();
            codes.add(p.get("code").asText());
        }
        assertThat(codes).containsSubsequence("MHN", "BDR", "BTN", "LPB", "VTE");
        JsonNode lpb = points.get(codes.indexOf("LPB"));
        assertThat(lpb.get("names").get("lo").asText()).isEqualTo("ຫລວງພະບາງ");
        assertThat(lpb.get("timeZone").asText()).isEqualTo("Asia/Vientiane");
        assertThat(points.get(codes.indexOf("BDR")).get("kind").asText()).isEqualTo("BORDER");
        JsonNode mohan = points.get(codes.indexOf("MHN"));
        assertThat(mohan.get("borderFirstDwellMinutes").asDouble()).isEqualTo(54.0);
        assertThat(mohan.get("usualDwellMinutes").asDouble()).isEqualTo(2.0);
    }

    @Test
    void onePointByCodeAndAnUnknownCodeIsA404ProblemNamingTheField() {
        assertThat(server.get("/api/network/points/lpb").json().get("km").asDouble())
                .isEqualTo(783.2);
        TestServer.Reply unknown = server.get("/api/network/points/XXX");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(unknown.json().get("field").asText()).isEqualTo("code");
    }

    @Test
    void sectionsJoinConsecutivePointsDoubleTrackNorthOfXishuangbanna() {
        JsonNode sections = server.get("/api/network/sections").json();
        JsonNode points = server.get("/api/network/points").json();
        assertThat(sections).hasSize(35);
        assertThat(sections.get(0).get("gaugeMm").asInt()).isEqualTo(1435);
        assertThat(sections.get(0).get("electrification").asText()).isEqualTo("25 kV 50 Hz AC");
        assertThat(sections.get(0).get("speedLimitKmh").asInt())
                .as("the Kunming link, calibrated")
                .isEqualTo(75);
        assertThat(sections.get(1).get("speedLimitKmh").isNull())
                .as("Kunming South–Yuxi: none")
                .isTrue();
        for (int i = 0; i < sections.size(); i++) {
            assertThat(sections.get(i).get("from").asText())
                    .isEqualTo(points.get(i).get("code").asText());
            assertThat(sections.get(i).get("to").asText())
                    .isEqualTo(points.get(i + 1).get("code").asText());
        }
        for (JsonNode s : sections) {
            boolean north = s.get("toKm").asDouble() <= 466.0;
            assertThat(s.get("tracks").asInt())
                    .as(s.get("from") + "-" + s.get("to"))
                    .isEqualTo(north ? 2 : 1);
            assertThat(s.get("block").asText()).isEqualTo(north ? "AUTOMATIC" : "INTER_STATION");
        }
        assertThat(sections.get(1).get("lineSpeedKmh").asInt())
                .as("Kunming South–Yuxi")
                .isEqualTo(200);
    }

    @Test
    void structuresIncludeTheFriendshipTunnelAcrossTheBorder() {
        JsonNode structures = server.get("/api/network/structures").json();
        JsonNode border = null;
        for (JsonNode p : server.get("/api/network/points").json()) {
            if (p.get("kind").asText().equals("BORDER")) {
                border = p;
            }
        }
        assertThat(border).isNotNull();
        double borderKm = border.get("km").asDouble();
        boolean found = false;
        for (JsonNode s : structures) {
            if (s.get("name").get("en").asText().contains("Friendship")) {
                found = true;
                assertThat(s.get("kind").asText()).isEqualTo("TUNNEL");
                assertThat(s.get("fromKm").asDouble()).isLessThan(borderKm);
                assertThat(s.get("toKm").asDouble()).isGreaterThan(borderKm);
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void rollingStockHasTheCr200jWith720SeatsAndItsSeatMap() {
        JsonNode types = server.get("/api/rolling-stock").json();
        List<String> codes = new ArrayList<>();
        types.forEach(t -> codes.add(t.get("code").asText()));
        assertThat(codes).contains("CR200J", "HXD3C_25G", "FREIGHT");
        JsonNode cr = server.get("/api/rolling-stock/CR200J").json();
        assertThat(cr.get("seats").asInt()).isEqualTo(720);
        assertThat(cr.get("cars")).hasSize(9);
        JsonNode seats = server.get("/api/rolling-stock/CR200J/seats").json();
        assertThat(seats).hasSize(720);
        assertThat(seats.get(0).has("position")).isTrue();
        assertThat(server.get("/api/rolling-stock/NOPE").status()).isEqualTo(404);
    }

    @Test
    void healthSaysTheDatabaseIsUp() {
        JsonNode health = server.get("/health").json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("database").asText()).isEqualTo("UP");
    }

    @Test
    void theOpenApiDocumentListsEveryEndpointWithWhoMayCallIt() {
        JsonNode doc = server.get("/openapi.json").json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        for (var e : server.server.endpoints()) {
            JsonNode op = doc.get("paths").get(e.path()).get(e.method().name().toLowerCase());
            assertThat(op).as(e.method() + " " + e.path()).isNotNull();
            assertThat(op.get("x-lancang-access").asText()).isEqualTo(e.access().describe());
        }
        TestServer.Reply explorer = server.get("/api-docs");
        assertThat(explorer.status()).isEqualTo(200);
        assertThat(explorer.body()).contains("/webjars/swagger-ui/").doesNotContain("https://");
        String script = explorer.body().replaceAll("(?s).*<script src=\"(/webjars/[^\"]+)\".*", "$1");
        assertThat(server.get(script).status()).isEqualTo(200);
    }

    @Test
    void unknownApiPathsAreProblems() {
        TestServer.Reply r = server.get("/api/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.isProblem()).isTrue();
    }
}
