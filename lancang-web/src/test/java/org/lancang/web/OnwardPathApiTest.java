package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.FreightApiTest.refused;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.testing.TestClock;

/**
 * Issue 19, an ad-hoc path as a through consignment's onward train, over HTTP: boxes Yanhe → Krung Thep Aphiwat go on
 * from Thanaleng on a freight path of the Bangkok line that their shipper asked for (the network's own path search,
 * from when the boxes can leave Thanaleng) and the freight office approved, instead of a catalogue shuttle. A freight
 * path runs between freight stations, and the line's only one south of the border is Na Tha (points.csv), so the leg
 * ends there, short of Bangkok, and the tracking ETA is its forecast arrival at Na Tha plus Na Tha's time. Prints the
 * journey's time for docs/features/freight-tracking.md.
 */
class OnwardPathApiTest {
    static final String VB = "vientiane-bangkok";
    static final String HOME_DAY = "2026-12-08";
    static final TestClock CLOCK = TestClock.at("2026-12-05T02:00:00Z");
    /** Thanaleng's own time after the yard, data/vientiane-bangkok/freight-terminal-times.csv (an input). */
    static final Duration TNL_MIN = Duration.ofMinutes(60);
    /** Na Tha's release time, the same file (an input). */
    static final Duration NTA_RELEASE = Duration.ofMinutes(120);

    static TestServer server;
    static String shipper;
    static String otherShipper;
    static String office;

    @BeforeAll
    static void start() {
        server = TestServer.everyNetwork(CLOCK);
        String admin = server.adminToken();
        shipper = FreightApiTest.user(server, admin, "bangkok.shipper", "SHIPPER");
        otherShipper = FreightApiTest.user(server, admin, "other.bangkok.shipper", "SHIPPER");
        office = FreightApiTest.user(server, admin, "bangkok.office", "FREIGHT_OFFICE");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String ask(String from, String to, Instant earliest) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"earliestDeparture\":\"" + earliest
                + "\",\"trailingMassT\":300,\"lengthM\":200,\"dangerousGoods\":false,\"network\":\"" + VB + "\"}";
    }

    static TestServer.Reply onward(String id, JsonNode path) {
        return server.postJson(
                "/api/freight/through/consignments/" + id + "/onward",
                shipper,
                "{\"train\":\"" + path.get("train").asText() + "\",\"date\":\""
                        + path.get("serviceDate").asText() + "\"}");
    }

    @Test
    void anApprovedPathFromThanalengTakesTheBoxesOnAndTheEtaFollowsItsForecast() {
        JsonNode booking = ok(
                server.postJson(
                        "/api/freight/bookings",
                        shipper,
                        "{\"slotId\":\"FRT-S3\",\"date\":\"" + HOME_DAY
                                + "\",\"equipment\":[{\"kind\":\"BOX_40\",\"count\":2}]}"),
                201);
        String id = booking.get("id").asText();
        JsonNode through = ok(
                server.postJson(
                        "/api/freight/through/consignments", shipper, "{\"bookingId\":\"" + id + "\",\"to\":\"KTW\"}"),
                201);
        JsonNode first = ok(server.get("/api/freight/tracking/consignments/" + id, shipper), 200);
        Instant leavesYanhe = Instant.parse(first.get("plannedDeparture").asText());
        Instant earliest = Instant.parse(first.get("forecastArrival").asText())
                .plus(Duration.ofMinutes(
                        through.get("quote").get("transshipment").get("minutes").asLong()))
                .plus(TNL_MIN);

        // no freight path reaches Bangkok: the line's freight stations are Thanaleng and Na Tha
        refused(server.postJson("/api/freight/requests", shipper, ask("TNL", "KTW", earliest)), 400, "to");
        // the shipper asks the Bangkok line for a path from Thanaleng when the boxes can be there
        JsonNode path = ok(server.postJson("/api/freight/requests", shipper, ask("TNL", "NTA", earliest)), 201);
        assertThat(path.get("status").asText()).as(path.toString()).isEqualTo("PROPOSED");
        assertThat(path.get("path").toString()).contains("NKI");
        // not approved yet: not a train the boxes can take
        refused(onward(id, path), 400, "train");
        JsonNode approved =
                ok(server.postJson("/api/freight/requests/" + path.get("id").asText() + "/approve", office, "{}"), 200);
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");

        // another shipper's approved path, and one from Na Tha, are refused naming the train, nothing written
        JsonNode others = ok(server.postJson("/api/freight/requests", otherShipper, ask("TNL", "NTA", earliest)), 201);
        ok(server.postJson("/api/freight/requests/" + others.get("id").asText() + "/approve", office, "{}"), 200);
        long before = FreightApiTest.rows(server);
        refused(onward(id, others), 400, "train");
        assertThat(FreightApiTest.rows(server)).isEqualTo(before);
        JsonNode fromNaTha = ok(server.postJson("/api/freight/requests", shipper, ask("NTA", "TNL", earliest)), 201);
        ok(server.postJson("/api/freight/requests/" + fromNaTha.get("id").asText() + "/approve", office, "{}"), 200);
        before = FreightApiTest.rows(server);
        refused(onward(id, fromNaTha), 400, "train");
        assertThat(FreightApiTest.rows(server)).isEqualTo(before);

        // the approved path from Thanaleng takes them: one flat wagon a box, on the path's train
        JsonNode leg = ok(onward(id, approved), 201).get("onward");
        assertThat(leg.get("train").asText()).isEqualTo(approved.get("train").asText());
        assertThat(leg.get("from").asText()).isEqualTo("TNL");
        assertThat(leg.get("to").asText()).isEqualTo("NTA");
        assertThat(Instant.parse(leg.get("earliest").asText())).isEqualTo(earliest);
        assertThat(Instant.parse(leg.get("departure").asText())).isAfterOrEqualTo(earliest);

        // tracking: the onward leg ends at Na Tha, short of Bangkok; the ETA is its forecast arrival + Na Tha's time
        JsonNode o = ok(server.get("/api/freight/tracking/consignments/" + id, shipper), 200)
                .get("onward");
        assertThat(o.get("train").asText()).isEqualTo(approved.get("train").asText());
        assertThat(o.get("arrivesAt").asText()).isEqualTo("NTA");
        assertThat(o.get("reachesDestination").asBoolean()).isFalse();
        assertThat(o.get("arrivalZone").asText()).isEqualTo("Asia/Bangkok");
        Instant arrival = Instant.parse(o.get("forecastArrival").asText());
        // the forecast keeps whole seconds, the approved path its exact running time
        assertThat(Duration.between(Instant.parse(approved.get("arrival").asText()), arrival)
                        .abs())
                .isLessThan(Duration.ofSeconds(1));
        Instant eta = Instant.parse(o.get("eta").asText());
        assertThat(eta).isEqualTo(arrival.plus(NTA_RELEASE));
        Duration whole = Duration.between(leavesYanhe, eta);
        Duration onwardRun =
                Duration.between(Instant.parse(approved.get("departure").asText()), arrival);
        System.out.println("OnwardPathApiTest: " + booking.get("train").asText() + " leaves Yanhe " + leavesYanhe
                + "; boxes can leave Thanaleng " + earliest + "; path "
                + approved.get("train").asText() + " "
                + approved.get("departure").asText() + " → " + arrival + " (" + fmt(onwardRun) + "); ready at NTA "
                + eta + ": Yanhe → Na Tha " + fmt(whole));
        assertThat(eta).isAfter(earliest);
    }

    static String fmt(Duration d) {
        return d.toHours() + " h " + d.toMinutesPart() + " min";
    }
}
