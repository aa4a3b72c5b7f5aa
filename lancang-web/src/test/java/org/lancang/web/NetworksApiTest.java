package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.gtfs.GtfsValidatorTest;

/**
 * A server of every network of data/, as {@code lancang serve} runs by default: the API finds the second network's
 * trains and points by their numbers and codes, its running times, and its own GTFS feed, while {@code /gtfs.zip} and
 * the pages stay on the China–Laos network.
 */
class NetworksApiTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.everyNetwork();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void listsTheNetworksServedHomeFirstWithTheirFeeds() {
        JsonNode networks = server.get("/api/networks").json();
        assertThat(networks).hasSize(2);
        assertThat(networks.get(0).get("code").asText()).isEqualTo("china-laos");
        assertThat(networks.get(0).get("home").asBoolean()).isTrue();
        assertThat(networks.get(0).get("feedUrl").asText()).isEqualTo("/gtfs.zip");
        JsonNode second = networks.get(1);
        assertThat(second.get("code").asText()).isEqualTo("vientiane-bangkok");
        assertThat(second.get("home").asBoolean()).isFalse();
        assertThat(second.get("serviceZone").asText()).isEqualTo("Asia/Bangkok");
        assertThat(second.get("trains").asInt()).isPositive();
        assertThat(second.get("feedUrl").asText()).isEqualTo("/gtfs/vientiane-bangkok.zip");
    }

    @Test
    void aTrainOfTheSecondNetworkIsFoundByItsNumberAndRunsOvernight() {
        TestServer.Reply r = server.get("/api/timetable/trains/133?date=2026-12-01");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode train = r.json();
        assertThat(train.get("from").asText()).isEqualTo("KTW");
        assertThat(train.get("to").asText()).isEqualTo("KSV");
        assertThat(train.get("operator").asText()).isEqualTo("SRT");
        JsonNode calls = train.get("calls");
        assertThat(calls.get(0).get("departureLocal").asText()).isEqualTo("21:25");
        OffsetDateTime arrival =
                OffsetDateTime.parse(calls.get(calls.size() - 1).get("arrival").asText());
        assertThat(arrival.toLocalDate()).hasToString("2026-12-02");
        // the home network's trains are unchanged, and an unknown number is a 404 naming the field
        assertThat(server.get("/api/timetable/trains/C82").json().get("from").asText())
                .isEqualTo("VTE");
        TestServer.Reply unknown = server.get("/api/timetable/trains/X77");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("field").asText()).isEqualTo("number");
        JsonNode trains = server.get("/api/networks/vientiane-bangkok/trains").json();
        assertThat(trains).anyMatch(t -> t.get("number").asText().equals("25"));
        assertThat(server.get("/api/timetable/trains").json())
                .noneMatch(t -> t.get("number").asText().equals("133"));
    }

    @Test
    void theSecondNetworkNamesItselfInThaiForTheMapHeading() {
        JsonNode bangkok = null;
        for (JsonNode n : server.get("/api/networks").json()) {
            if (n.get("code").asText().equals("vientiane-bangkok")) {
                bangkok = n;
            }
        }
        assertThat(bangkok).isNotNull();
        // its network.csv's name_th, which holds Nong Khai as its points.csv writes it in Thai
        String nongKhai = server.get("/api/network/points/NKI")
                .json()
                .get("names")
                .get("more")
                .get("th")
                .asText();
        assertThat(bangkok.get("names").get("more").get("th").asText()).contains(nongKhai);
    }

    @Test
    void aPointOfTheSecondNetworkIsFoundByItsCode() {
        JsonNode ktw = server.get("/api/network/points/KTW").json();
        assertThat(ktw.get("timeZone").asText()).isEqualTo("Asia/Bangkok");
        assertThat(ktw.get("country").asText()).isEqualTo("TH");
        assertThat(ktw.get("names").get("more").get("th").asText()).isEqualTo("สถานีกลางกรุงเทพอภิวัฒน์");
        assertThat(server.get("/api/network/points").json())
                .noneMatch(p -> p.get("code").asText().equals("KTW"));
        JsonNode points = server.get("/api/networks/vientiane-bangkok/points").json();
        assertThat(points.get(0).get("code").asText()).isEqualTo("KTW");
        assertThat(points.get(points.size() - 1).get("code").asText()).isEqualTo("KSV");
        TestServer.Reply unknown = server.get("/api/networks/atlantis/points");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(unknown.json().get("field").asText()).isEqualTo("network");
    }

    @Test
    void runningTimesOnTheSecondNetwork() {
        TestServer.Reply r = server.get("/api/runtime?type=SRT_RAPID&from=UDN&to=KSV&stops=NKI");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode view = r.json();
        assertThat(view.get("from").asText()).isEqualTo("UDN");
        assertThat(view.get("runningTimeSeconds").asLong()).isBetween(3_600L, 4L * 3_600);
        TestServer.Reply wrongType = server.get("/api/runtime?type=CR200J&from=UDN&to=KSV");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("field").asText()).isEqualTo("type");
        // an origin no network has is named: not the type, which home (where the search then fell back) lacks
        TestServer.Reply unknownFrom = server.get("/api/runtime?type=SRT_RAPID&from=NKP&to=KSV");
        assertThat(unknownFrom.status()).as(unknownFrom.body()).isEqualTo(400);
        assertThat(unknownFrom.json().get("field").asText()).isEqualTo("from");
        assertThat(unknownFrom.json().get("detail").asText()).contains("'NKP'");
    }

    /** A running time is along one network: a destination on another is named with both networks, not as unknown. */
    @Test
    void runningTimesBetweenTwoNetworksNameTheNetworkOfEachPoint() {
        TestServer.Reply r = server.get("/api/runtime?type=SRT_RAPID&from=KTW&to=vte");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("field").asText()).isEqualTo("to");
        assertThat(r.json().get("errors").get(0).get("message").asText())
                .isEqualTo("'VTE' is not a point of vientiane-bangkok (the network of from 'KTW'); it is on china-laos:"
                        + " running times are per network");
        TestServer.Reply back = server.get("/api/runtime?type=CR200J&from=VTE&to=KTW");
        assertThat(back.status()).as(back.body()).isEqualTo(400);
        assertThat(back.json().get("detail").asText())
                .contains("'KTW' is not a point of china-laos (the network of from 'VTE'); it is on vientiane-bangkok");
        // a point no network has is still "not a point of the line"
        TestServer.Reply nowhere = server.get("/api/runtime?type=SRT_RAPID&from=KTW&to=NKP");
        assertThat(nowhere.json().get("field").asText()).isEqualTo("to");
        assertThat(nowhere.json().get("detail").asText()).contains("'NKP' is not a point of the line");
    }

    @Test
    void eachNetworkHasItsFeedAndGtfsZipStaysChinaLaos() throws Exception {
        Map<String, String> home = unzip(bytes("/gtfs.zip"));
        assertThat(home.get("agency.txt")).contains("LCR").doesNotContain("SRT");
        assertThat(home.get("stops.txt")).contains("LPB").doesNotContain("KTW");
        Map<String, String> second = unzip(bytes("/gtfs/vientiane-bangkok.zip"));
        assertThat(second.get("agency.txt")).contains("SRT").contains("Asia/Bangkok");
        assertThat(second.get("stops.txt")).contains("KTW").contains("KSV").doesNotContain("LPB");
        assertThat(second.get("trips.txt")).contains("133");
        assertThat(second.get("translations.txt")).contains("stops,stop_name,th,หนองคาย,NKI");
        assertThat(server.get("/gtfs/atlantis.zip").status()).isEqualTo(404);
    }

    /**
     * The feeds as served (and as {@code lancang gtfs export} writes them: the same feed_info), not the gtfs module's
     * fixture: no validator error nor warning. The served feed_info once had no contact, a warning the fixture's hid.
     */
    @Test
    void theServedFeedsHaveNoValidatorErrorNorWarning() throws Exception {
        Map<String, String> feeds =
                Map.of("served-home", "/gtfs.zip", "served-vientiane-bangkok", "/gtfs/vientiane-bangkok.zip");
        for (Map.Entry<String, String> feed : feeds.entrySet()) {
            String country = feed.getKey().equals("served-home") ? "LA" : "TH";
            GtfsValidatorTest.Report report = GtfsValidatorTest.validate(
                    bytes(feed.getValue()), feed.getKey(), LocalDate.of(2026, 12, 1), country);
            assertThat(report.errors()).as(feed.getValue()).isEmpty();
            assertThat(report.warnings()).as(feed.getValue()).isEmpty();
        }
    }

    @Test
    void theRoadOnTheFriendshipBridgeIsClosedWhileTrainsCross() {
        TestServer.Reply r = server.get("/api/networks/vientiane-bangkok/road-closures?date=2026-12-01");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode bridge = r.json().get("bridges").get(0);
        assertThat(bridge.get("bridge").asText()).contains("Friendship Bridge");
        List<String> trains = new ArrayList<>();
        long longest = 0;
        for (JsonNode c : bridge.get("closures")) {
            trains.add(c.get("train").asText());
            assertThat(c.get("minutes").asLong()).isGreaterThanOrEqualTo(15);
            longest += c.get("minutes").asLong();
        }
        assertThat(trains).contains("133", "134", "147", "148").doesNotContain("25");
        assertThat(bridge.get("roadClosedMinutes").asLong()).isPositive().isLessThanOrEqualTo(longest);
        // the road's limits are shown with their source, and the shipped day keeps within them
        assertThat(bridge.get("maxClosedMinutesPerDay").asLong())
                .isGreaterThanOrEqualTo(bridge.get("roadClosedMinutes").asLong());
        assertThat(bridge.get("limitSource").asText()).contains("ASSUMPTION");
        assertThat(r.json().get("roadLimitViolations")).isEmpty();
        // the road's window on the bridge is shown, and no train of the day crosses in it
        assertThat(bridge.get("roadWindows").get(0).asText()).isEqualTo("08:00–09:00");
        for (JsonNode c : bridge.get("closures")) {
            OffsetDateTime from = OffsetDateTime.parse(c.get("from").asText());
            OffsetDateTime to = OffsetDateTime.parse(c.get("to").asText());
            if (from.toLocalDate().toString().equals("2026-12-01")) {
                assertThat(to.toLocalTime().isAfter(LocalTime.of(8, 0))
                                && from.toLocalTime().isBefore(LocalTime.of(9, 0)))
                        .as(
                                "train %s on the bridge in the road's window",
                                c.get("train").asText())
                        .isFalse();
            }
        }
        // the home network has no shared bridge; a missing date is refused naming it
        assertThat(server.get("/api/networks/china-laos/road-closures?date=2026-12-01")
                        .json()
                        .get("bridges"))
                .isEmpty();
        TestServer.Reply noDate = server.get("/api/networks/vientiane-bangkok/road-closures");
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.json().get("field").asText()).isEqualTo("date");
    }

    @Test
    void aBangkokToVientianeFareIsQuotedInBahtBuiltFromItsParts() {
        TestServer.Reply r =
                server.get("/api/networks/vientiane-bangkok/fares?from=KTW&to=KSV&train=133&class=HARD_SEAT");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode fare = r.json();
        // the operator's own currency by default: 281 THB third class, the published fare
        assertThat(fare.get("total").get("currency").asText()).isEqualTo("THB");
        assertThat(fare.get("total").get("amount").asText()).isEqualTo("281.00 THB");
        assertThat(fare.get("parts")).hasSize(1);
        assertThat(fare.get("parts").get(0).get("operator").asText()).isEqualTo("SRT");
        assertThat(fare.get("supplements").get(0).get("kind").asText()).isEqualTo("TRAIN_TYPE");
        long sum = fare.get("parts").get(0).get("amount").get("minor").asLong();
        for (JsonNode s : fare.get("supplements")) {
            sum += s.get("amount").get("minor").asLong();
        }
        assertThat(fare.get("total").get("minor").asLong()).isEqualTo(sum);
        // a lower berth costs more than an upper; in kip the total is converted by the rates table
        long upper = server.get("/api/networks/vientiane-bangkok/fares?from=KTW&to=KSV&train=133"
                        + "&class=HARD_SLEEPER&berth=UPPER")
                .json()
                .get("total")
                .get("minor")
                .asLong();
        long lower = server.get("/api/networks/vientiane-bangkok/fares?from=KTW&to=KSV&train=133"
                        + "&class=HARD_SLEEPER&berth=lower")
                .json()
                .get("total")
                .get("minor")
                .asLong();
        assertThat(lower).isGreaterThan(upper);
        assertThat(server.get("/api/networks/vientiane-bangkok/fares?from=KTW&to=KSV&train=133&class=HARD_SEAT"
                                + "&currency=LAK")
                        .json()
                        .get("total")
                        .get("currency")
                        .asText())
                .isEqualTo("LAK");
        // bad input: a 4xx naming the field
        Map<String, String> refused = Map.of(
                "/api/networks/vientiane-bangkok/fares?from=KTW&to=KSV&train=133&class=HARD_SLEEPER", "berth",
                "/api/networks/vientiane-bangkok/fares?from=KTW&to=KSV&train=25&class=HARD_SEAT", "to",
                "/api/networks/vientiane-bangkok/fares?from=KSV&to=KTW&train=133&class=HARD_SEAT", "to",
                "/api/networks/vientiane-bangkok/fares?from=KTW&to=KSV&train=133&class=HARD_SEAT&currency=USD",
                        "currency",
                "/api/networks/vientiane-bangkok/fares?from=KTW&to=KSV&train=133&class=FIRST", "class",
                "/api/networks/vientiane-bangkok/fares?from=KTW&to=KSV&class=HARD_SEAT", "train",
                "/api/networks/vientiane-bangkok/fares?from=KTW&to=KSV&train=999&class=HARD_SEAT", "train");
        refused.forEach((path, field) -> {
            TestServer.Reply bad = server.get(path);
            assertThat(bad.status()).as(path + " " + bad.body()).isBetween(400, 404);
            assertThat(bad.json().get("field").asText()).as(path).isEqualTo(field);
        });
    }

    @Test
    void bangkokToLuangPrabangChains133TheRoadTransferAndAnLcrTrain() {
        TestServer.Reply r = server.get("/api/networks/journeys?from=KTW&to=LPB&date=2026-12-01");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode journeys = r.json();
        JsonNode via133 = null;
        for (JsonNode j : journeys) {
            if (j.get("first").get("train").asText().equals("133")) {
                via133 = j;
            }
        }
        assertThat(via133).as(r.body()).isNotNull();
        assertThat(via133.get("first").get("to").asText()).isEqualTo("KSV");
        assertThat(via133.get("transfer").get("mode").asText()).isEqualTo("ROAD");
        assertThat(via133.get("transfer").get("to").asText()).isEqualTo("VTE");
        JsonNode second = via133.get("second");
        assertThat(second.get("network").asText()).isEqualTo("china-laos");
        assertThat(second.get("from").asText()).isEqualTo("VTE");
        assertThat(second.get("to").asText()).isEqualTo("LPB");
        // the connection is at least the join's minimum, and no train it names as missed leaves after it is ready
        long minimum = via133.get("transfer").get("minimumConnectionMinutes").asLong();
        assertThat(via133.get("connectionMinutes").asLong()).isGreaterThanOrEqualTo(minimum);
        OffsetDateTime arrived =
                OffsetDateTime.parse(via133.get("first").get("arrival").asText());
        OffsetDateTime leaves = OffsetDateTime.parse(second.get("departure").asText());
        assertThat(leaves).isAfterOrEqualTo(arrived.plusMinutes(minimum));
        // 133 reaches Khamsavath after 09:00 (held at Nong Khai for the road's window): the morning LCR trains from
        // Vientiane have gone, the journey says so and offers the next one
        assertThat(via133.get("missed")).as(via133.toString()).isNotEmpty();
        for (JsonNode m : via133.get("missed")) {
            assertThat(OffsetDateTime.parse(m.get("departure").asText())).isBefore(arrived.plusMinutes(minimum));
        }
        System.out.println("KTW → LPB via 133: " + via133);
        // both points on one network, or an unknown point, are refused naming the field
        TestServer.Reply same = server.get("/api/networks/journeys?from=KTW&to=NKI&date=2026-12-01");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().get("field").asText()).isEqualTo("to");
        TestServer.Reply unknown = server.get("/api/networks/journeys?from=XXX&to=LPB&date=2026-12-01");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("from");
    }

    private static byte[] bytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url(path))).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static String user(String name, String role) {
        server.postJson(
                "/api/users",
                server.adminToken(),
                "{\"username\":\"" + name + "\",\"displayName\":\"" + name + "\",\"password\":\"" + name
                        + " password\",\"roles\":[\"" + role + "\"]}");
        return server.token(name, name + " password");
    }

    @Test
    void thePlannersEndpointsShowTheSecondNetworkWhenAskedByItsCode() {
        String planner = user("netplanner", "PLANNER");
        String date = "2026-12-01";
        String on = "&network=vientiane-bangkok";
        // the trains of that day: the second network's (133 among them), not home's
        JsonNode trains = server.get("/api/timetable/trains?date=" + date + on).json();
        assertThat(trains).anyMatch(t -> t.get("number").asText().equals("133"));
        assertThat(trains).noneMatch(t -> t.get("number").asText().equals("C82"));
        assertThat(trains.size())
                .isEqualTo(server.get("/api/networks/vientiane-bangkok/trains")
                        .json()
                        .size());
        // its conflicts are its own day's, as the road-closures answer counts them (0 with the shipped data)
        TestServer.Reply conflicts = server.get("/api/timetable/conflicts?date=" + date + on, planner);
        assertThat(conflicts.status()).as(conflicts.body()).isEqualTo(200);
        assertThat(conflicts.json().size())
                .isEqualTo(server.get("/api/networks/vientiane-bangkok/road-closures?date=" + date)
                        .json()
                        .get("conflicts")
                        .asInt());
        // the diagram of each of its lines (ADR 0033: the Northeastern main line to Thanon Chira, the Nong Khai line
        // from there), each in its own chainage direction, across midnight: 133 runs on both and is drawn on both
        for (String stretch : List.of("from=KTW&to=TCJ", "line=NK&from=TCJ&to=KSV")) {
            TestServer.Reply svg = server.get(
                    "/api/timetable/diagram.svg?" + stretch + "&date=" + date + "&start=18:00&hours=18" + on, planner);
            assertThat(svg.status()).as(svg.body()).isEqualTo(200);
            assertThat(svg.contentType()).startsWith("image/svg+xml");
            assertThat(svg.body()).contains("data-train=\"133\"").doesNotContain("data-train=\"C82\"");
        }
        TestServer.Reply across = server.get(
                "/api/timetable/diagram.svg?from=KTW&to=KSV&date=" + date + "&start=18:00&hours=18" + on, planner);
        assertThat(across.status())
                .as("a stretch on two lines is no one line's diagram")
                .isEqualTo(400);
        assertThat(across.json().findValuesAsText("field")).contains("to");
        // the home network by its code is home, as with no parameter
        assertThat(server.get("/api/timetable/trains?date=" + date + "&network=china-laos")
                        .json())
                .anyMatch(t -> t.get("number").asText().equals("C82"));
        assertThat(server.get("/api/timetable/conflicts?date=" + date + on).status())
                .as("the conflicts are the planners'")
                .isEqualTo(401);
        assertThat(server.get("/api/timetable/conflicts?date=" + date + on, passengerToken())
                        .status())
                .isEqualTo(403);
    }

    private static String passengerToken() {
        return server.passenger("netpassenger", "P", "netpassenger password");
    }

    @Test
    void anUnknownNetworkOrAPointOfAnotherIsRefusedNamingTheField() {
        String planner = user("netplanner2", "PLANNER");
        for (String path : new String[] {
            "/api/timetable/trains?date=2026-12-01&network=atlantis",
            "/api/timetable/conflicts?date=2026-12-01&network=atlantis",
            "/api/timetable/diagram.svg?from=KTW&to=KSV&date=2026-12-01&network=atlantis"
        }) {
            TestServer.Reply r = server.get(path, planner);
            // the request is wrong, not a resource missing: 400, as every ?network= (UnknownNetworkApiTest)
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.json().get("field").asText()).isEqualTo("network");
        }
        TestServer.Reply home = server.get(
                "/api/timetable/diagram.svg?from=BTN&to=KSV&date=2026-12-01&network=vientiane-bangkok", planner);
        assertThat(home.status()).as(home.body()).isEqualTo(400);
        assertThat(home.json().get("field").asText()).isEqualTo("from");
        TestServer.Reply change = server.get(
                "/api/timetable/diagram.svg?from=KTW&to=KSV&date=2026-12-01&network=vientiane-bangkok&change=x",
                planner);
        // the second network has timetable changes of its own now: an unknown one is not found, as on home
        assertThat(change.status()).as(change.body()).isEqualTo(404);
        assertThat(change.json().get("field").asText()).isEqualTo("change");
    }

    @Test
    void aSecondNetworksPointsSayWhatMoneyItsStationsSellIn() {
        JsonNode points = server.get("/api/networks/vientiane-bangkok/points").json();
        assertThat(points)
                .anyMatch(p -> p.get("code").asText().equals("KTW")
                        && p.get("currency").asText().equals("THB"));
    }
}
