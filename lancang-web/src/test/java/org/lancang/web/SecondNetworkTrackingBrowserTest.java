package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.testing.TestDates;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The tracking page of a through consignment in Lao, in a real headless Chromium: the onward leg's shuttle from
 * Thanaleng, its departure in Laos time and the ETA at Na Tha in Thailand time, and that the shuttle ends short of
 * Bangkok.
 */
class SecondNetworkTrackingBrowserTest {
    /** Far enough ahead that the regular freight's 24 h cut-off has not passed. */
    static final String DAY = TestDates.daysAhead(3).toString();

    static TestServer server;
    static BrowserSupport b;
    static String shipper;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.everyNetwork();
        shipper = FreightApiTest.user(server, server.adminToken(), "lo.through.shipper", "SHIPPER");
        FreightApiTest.user(server, server.adminToken(), "lo.through.office", "FREIGHT_OFFICE");
        b = new BrowserSupport(server, 1280, 1200);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static JsonNode ok(TestServer.Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    @Test
    void theOnwardLegShowsTheShuttleAndTheEtaInEachPointsZoneInLao() {
        JsonNode booking = ok(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"slotId\":\"FRT-S3\",\"date\":\"" + DAY
                                + "\",\"equipment\":[{\"kind\":\"BOX_40\",\"count\":2}]}"),
                201);
        String id = booking.get("id").asText();
        JsonNode through = ok(
                server.postJson(
                        "/api/freight/through/consignments", shipper, "{\"bookingId\":\"" + id + "\",\"to\":\"KTW\"}"),
                201);
        // the first shuttle from Thanaleng the boxes can make: the train's arrival + the yard + Thanaleng's 60 min
        Instant atYard = Instant.parse(ok(server.get("/api/freight/tracking/consignments/" + id, shipper), 200)
                .get("forecastArrival")
                .asText());
        Instant earliest = atYard.plus(Duration.ofMinutes(
                        through.get("quote").get("transshipment").get("minutes").asLong()))
                .plus(Duration.ofMinutes(60));
        List<JsonNode> shuttles = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            String date = LocalDate.parse(DAY).plusDays(d).toString();
            ok(server.get("/api/freight/slots?date=" + date + "&network=vientiane-bangkok"), 200)
                    .forEach(s -> {
                        if (s.get("runs").asBoolean()
                                && s.get("from").asText().equals("TNL")
                                && !Instant.parse(s.get("departureAt").asText()).isBefore(earliest)) {
                            shuttles.add(s);
                        }
                    });
        }
        JsonNode shuttle = shuttles.stream()
                .min(Comparator.comparing(
                        s -> Instant.parse(s.get("departureAt").asText())))
                .orElseThrow();
        String train = shuttle.get("train").asText();
        ok(
                server.postJson(
                        "/api/freight/through/consignments/" + id + "/onward",
                        shipper,
                        "{\"train\":\"" + train + "\",\"date\":\""
                                + shuttle.get("date").asText() + "\"}"),
                201);

        b.fresh();
        b.signIn("lo.through.shipper", "password of lo.through.shipper", "/tracking.html?booking=" + id);
        b.wait.until(d -> d.getCurrentUrl().contains("/tracking.html"));
        b.click(By.cssSelector(".lang-switch button[lang=lo]"));
        b.wait.until(d -> "lo".equals(b.js("return document.documentElement.lang")));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("onward-train")));
        // the language switch re-renders the block after the page's first (English) render: wait for the Lao one
        b.text(By.id("onward-train"), leg -> assertThat(leg).contains(train).contains("ລົດໄຟ"));
        b.text(By.id("onward-heading"), heading -> assertThat(heading).isEqualTo("ການຂົນສົ່ງຕໍ່ຫຼັງການຂົນຖ່າຍ"));
        b.text(By.id("onward-departs"), departs -> assertThat(departs).contains("ເວລາລາວ"));
        BrowserSupport.assertLaoDateTime(b.text(By.id("onward-departs")));
        b.text(By.id("onward-eta"), eta -> assertThat(eta).contains("ເວລາໄທ"));
        b.displayed(By.id("onward-short"), shown -> assertThat(shown).isTrue());
        // customs at both borders the boxes cross, in travel order, neither declared yet: read together, as last drawn
        b.until(SecondNetworkTrackingBrowserTest::customsRows, borders -> {
            assertThat(borders).extracting(e -> e.get(0)).containsExactly("BDR", "TLB");
            assertThat(borders).extracting(e -> e.get(1)).containsExactly("DRAFT", "DRAFT");
            assertThat(borders.get(1).get(2)).contains("ພາສີ TH", train, "ຍັງບໍ່ໄດ້ສົ່ງໃບແຈ້ງ");
        });
        b.shot("tracking-onward-lo");
        assertThat(b.consoleErrors()).allMatch(m -> m.contains("/api/auth/me") && m.contains("401"));

        // the freight office's border board on the Bangkok line: the shuttle approaching Nong Khai, held there
        String date = shuttle.get("date").asText();
        b.fresh();
        b.signIn(
                "lo.through.office",
                "password of lo.through.office",
                "/border-board.html?network=vientiane-bangkok&date=" + date);
        b.wait.until(d -> d.getCurrentUrl().contains("/border-board.html"));
        By row = By.cssSelector("#board tr[data-train=" + train + "]");
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        b.attribute(By.id("network"), "value", network -> assertThat(network).isEqualTo("vientiane-bangkok"));
        b.attribute(row, "data-held", held -> assertThat(held).isEqualTo("true"));
        b.text(row, shown -> assertThat(shown).contains("(TH)", "not sent"));
        b.shot("border-board-second-network");
    }

    /** The tracking page's customs list as drawn: each border's code, its state and the row's text. */
    static List<List<String>> customsRows(WebDriver d) {
        return d.findElements(By.cssSelector("#customs li")).stream()
                .map(e -> List.of(
                        String.valueOf(e.getAttribute("data-border")),
                        String.valueOf(e.getAttribute("data-state")),
                        e.getText()))
                .toList();
    }
}
