package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.web.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lancang.store.testing.TestClock;

/**
 * Timetable changes on the second network over HTTP (issue 19): a move of 133 on one date is drafted with {@code
 * "network": "vientiane-bangkok"}, previewed, published (the Bangkok line's timetable, sales, diagram and conflicts of
 * that date follow; its ticket holder is told and his fee waived; the other dates keep their times) and undone; a
 * change that puts a train on the road–rail bridge in the road's window, or closes the road over its daily limit, is
 * shown in the preview and refused at publication unless accepted; roles and bad input are refused as for home, with
 * nothing written.
 */
class SecondNetworkChangesApiTest {
    static final String VB = "vientiane-bangkok";
    /** 17:00 in Bangkok: 133 of the next days is on sale (7-day window). */
    static final TestClock CLOCK = TestClock.at("2026-12-05T10:00:00Z");

    static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    static TestServer server;
    static String planner;
    static String maintainer;
    static String passenger;
    static int documents;

    @BeforeAll
    static void start() {
        server = TestServer.everyNetwork(CLOCK);
        String admin = server.adminToken();
        planner = server.user(admin, "vb.planner", "PLANNER");
        maintainer = server.user(admin, "vb.maintainer", "MAINTAINER");
        passenger = server.passenger("malee", "Malee", "malee password 1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A paid third-class ticket on 133 Krung Thep Aphiwat → Khamsavath. */
    static String ticket(LocalDate date) {
        JsonNode held = ok(
                server.postJson(
                        "/api/bookings",
                        passenger,
                        "{\"train\":\"133\",\"date\":\"" + date + "\",\"from\":\"KTW\",\"to\":\"KSV\","
                                + "\"seatClass\":\"HARD_SEAT\",\"currency\":\"THB\",\"passengers\":[{\"name\":"
                                + "\"Malee S.\",\"documentType\":\"PASSPORT\",\"documentNumber\":\"TH7"
                                + (100_000 + ++documents)
                                + "\",\"nationality\":\"THA\",\"dateOfBirth\":\"1991-05-06\","
                                + "\"documentExpiry\":\"2031-01-01\"}]}"),
                201);
        String id = held.get("id").asText();
        ok(
                server.postJson("/api/bookings/" + id + "/payment", passenger, "{\"idempotencyKey\":\"k-" + id + "\"}"),
                200);
        return id;
    }

    /** 133's departure from Krung Thep Aphiwat on a date, local, as the network's timetable has it. */
    static String departure133(LocalDate date) {
        return ok(server.get("/api/timetable/trains/133?date=" + date), 200)
                .get("calls")
                .get(0)
                .get("departureLocal")
                .asText();
    }

    /** 133's departure as the journey search sells it (the network's sales). */
    static String sold133(LocalDate date) {
        for (JsonNode j : ok(server.get("/api/journeys?from=KTW&to=KSV&date=" + date), 200)) {
            if (j.get("train").asText().equals("133")) {
                return j.get("departure").asText();
            }
        }
        return null;
    }

    static long changeRows() {
        return server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT (SELECT count(*) FROM timetable_change)"
                                + " + (SELECT count(*) FROM timetable_change_edit)")
                        .mapTo(Long.class)
                        .one());
    }

    static String draft(String title, LocalDate date, String edits) {
        JsonNode d = ok(
                server.postJson(
                        "/api/timetable/changes",
                        planner,
                        "{\"network\":\"" + VB + "\",\"title\":\"" + title + "\",\"scope\":{\"from\":\"" + date
                                + "\"},\"edits\":[" + edits + "]}"),
                201);
        assertThat(d.get("network").asText()).isEqualTo(VB);
        assertThat(d.get("status").asText()).isEqualTo("DRAFT");
        return d.get("id").asText();
    }

    @Test
    void aMoveOf133OnOneDateIsDraftedPreviewedPublishedAndUndoneOnTheBangkokLineOnly() {
        String onTheDay = ticket(DAY);
        String nextDay = ticket(DAY.plusDays(1));
        assertThat(departure133(DAY)).isEqualTo("21:25");
        String soldBefore = sold133(DAY);

        // half an hour earlier: 133 still waits at Nong Khai for the road's window to end (its planned 09:03)
        String id = draft("works at Saraburi", DAY, "{\"kind\":\"MOVE\",\"train\":\"133\",\"departure\":\"20:55\"}");
        assertThat(departure133(DAY)).as("a draft changes nothing").isEqualTo("21:25");
        assertThat(ok(server.get("/api/timetable/changes", planner), 200).findValuesAsText("id"))
                .as("home's list is home's")
                .doesNotContain(id);
        assertThat(ok(server.get("/api/timetable/changes?network=" + VB, maintainer), 200)
                        .findValuesAsText("id"))
                .contains(id);

        JsonNode impact = ok(server.get("/api/timetable/changes/" + id + "/impact", planner), 200);
        assertThat(impact.get("bookings").asInt()).isEqualTo(1);
        JsonNode touched = impact.get("touched").get(0);
        assertThat(touched.get("bookingId").asText()).isEqualTo(onTheDay);
        assertThat(touched.get("departureShiftMinutes").asLong()).isEqualTo(-30);
        assertThat(touched.get("departureAfter").asText())
                .startsWith(DAY + "T20:55")
                .endsWith("+07:00");
        assertThat(touched.get("remedy").asText()).isEqualTo("FREE_CHANGE_OR_REFUND");

        JsonNode preview = ok(server.get("/api/timetable/changes/" + id + "/preview?date=" + DAY, planner), 200);
        JsonNode after = preview.get("trains").get(0).get("after");
        assertThat(after.get("calls").get(0).get("departureLocal").asText()).isEqualTo("20:55");
        assertThat(preview.get("roadLimitBreaches"))
                .as("within the road's daily limit")
                .isEmpty();
        assertThat(preview.get("conflicts").findValuesAsText("resource"))
                .as("no train on the bridge in the road's window")
                .noneMatch(r -> r.contains("road-window"));

        JsonNode published = ok(
                server.postJson("/api/timetable/changes/" + id + "/publish", planner, "{\"acceptConflicts\":true}"),
                200);
        assertThat(published.get("change").get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.get("impact").get("bookings").asInt()).isEqualTo(1);
        assertThat(departure133(DAY)).isEqualTo("20:55");
        assertThat(departure133(DAY.plusDays(1)))
                .as("the next date is untouched")
                .isEqualTo("21:25");
        assertThat(departure133(DAY.minusDays(1))).isEqualTo("21:25");
        assertThat(sold133(DAY)).as("sales follow").isNotEqualTo(soldBefore).contains("T20:55");
        assertThat(ok(server.get("/api/timetable/trains?network=" + VB + "&date=" + DAY), 200)
                        .findValuesAsText("number"))
                .contains("133");
        assertThat(ok(server.get("/api/timetable/conflicts?network=" + VB + "&date=" + DAY, planner), 200)
                        .findValuesAsText("resource"))
                .noneMatch(r -> r.contains("road-window"));
        assertThat(fee(onTheDay)).as("fee waived").isZero();
        assertThat(fee(nextDay)).isPositive();
        assertThat(told()).containsExactly(onTheDay);

        JsonNode undone = ok(server.postJson("/api/timetable/changes/" + id + "/undo", planner, "{}"), 200);
        assertThat(undone.get("change").get("status").asText()).isEqualTo("UNDONE");
        assertThat(departure133(DAY)).isEqualTo("21:25");
        assertThat(sold133(DAY)).isEqualTo(soldBefore);
        assertThat(told()).containsExactly(onTheDay, onTheDay);
    }

    static long fee(String booking) {
        return ok(server.get("/api/bookings/" + booking + "/refund-quote", passenger), 200)
                .get("fee")
                .get("minor")
                .asLong();
    }

    static List<String> told() {
        List<String> out = new ArrayList<>();
        ok(server.get("/api/notifications", passenger), 200).forEach(n -> {
            if (n.get("kind").asText().equals("TIMETABLE_CHANGE")) {
                out.add(n.get("bookingId").asText());
            }
        });
        return out;
    }

    @Test
    void aShuttleMovedIntoTheRoadsWindowConflictsWithItAndIsRefusedUnlessAccepted() {
        LocalDate date = DAY.plusDays(2);
        String id = draft("shuttle early", date, "{\"kind\":\"MOVE\",\"train\":\"F03\",\"departure\":\"08:10\"}");
        JsonNode preview = ok(server.get("/api/timetable/changes/" + id + "/preview", planner), 200);
        assertThat(preview.get("newConflicts").findValuesAsText("resource")).isNotEmpty();
        List<String> owners = new ArrayList<>(preview.get("newConflicts").findValuesAsText("first"));
        owners.addAll(preview.get("newConflicts").findValuesAsText("second"));
        assertThat(owners).as("the road's window on the bridge").anyMatch(s -> s.startsWith("road-window:"));
        assertThat(preview.get("scopeCheck").get("datesWithNewConflicts").findValuesAsText("date"))
                .containsExactly(date.toString());
        TestServer.Reply refused = server.postJson("/api/timetable/changes/" + id + "/publish", planner, "{}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("field").asText()).isEqualTo("acceptConflicts");
        assertThat(ok(server.get("/api/timetable/trains/F03?date=" + date), 200)
                        .get("calls")
                        .get(0)
                        .get("departureLocal")
                        .asText())
                .as("nothing published")
                .isEqualTo("10:00");
        ok(server.postJson("/api/timetable/changes/" + id + "/discard", planner, "{}"), 200);
    }

    @Test
    void aShuttleAddedWithAPathSearchedWaitsForTheWindowsEndAndShowsOnThatDateOnly() {
        LocalDate date = DAY.plusDays(3);
        String id = draft(
                "extra shuttle",
                date,
                "{\"kind\":\"ADD\",\"train\":\"X501\",\"trainType\":\"SRT_SHUTTLE\",\"from\":\"NTA\",\"to\":\"TNL\","
                        + "\"departure\":\"08:10\",\"findPath\":true}");
        JsonNode preview = ok(server.get("/api/timetable/changes/" + id + "/preview", planner), 200);
        assertThat(preview.get("newConflicts")).as(preview.toString()).isEmpty();
        assertThat(preview.get("newRoadLimitBreaches")).isEmpty();
        JsonNode arrival = preview.get("trains").get(0).get("after").get("calls");
        assertThat(arrival.get(arrival.size() - 1).get("arrivalLocal").asText())
                .as("across the bridge after the road's window 08:00–09:00")
                .isGreaterThan("09:00");
        String diagram =
                "/api/timetable/diagram.svg?network=" + VB + "&from=NTA&to=KSV&date=" + date + "&start=06:00&hours=8";
        assertThat(server.get(diagram + "&change=" + id, planner).body()).contains("data-train=\"X501\"");
        assertThat(server.get(diagram, planner).body()).doesNotContain("data-train=\"X501\"");
        ok(server.postJson("/api/timetable/changes/" + id + "/publish", planner, "{}"), 200);
        assertThat(ok(server.get("/api/timetable/trains?network=" + VB + "&date=" + date), 200)
                        .findValuesAsText("number"))
                .contains("X501");
        assertThat(ok(server.get("/api/timetable/trains?network=" + VB + "&date=" + date.plusDays(1)), 200)
                        .findValuesAsText("number"))
                .doesNotContain("X501");
        assertThat(server.get(diagram, planner).body()).contains("data-train=\"X501\"");
    }

    @Test
    void shuttlesThatCloseTheRoadOverItsDailyLimitAreShownAndRefusedUnlessAccepted() {
        LocalDate date = DAY.plusDays(4);
        StringBuilder edits = new StringBuilder();
        for (int h = 1; h <= 5; h++) { // five more crossings of 15 min: 180 + 75 > 240 min a day
            edits.append(h == 1 ? "" : ",")
                    .append("{\"kind\":\"ADD\",\"train\":\"X60")
                    .append(h)
                    .append("\",\"trainType\":\"SRT_SHUTTLE\",\"from\":\"NTA\",\"to\":\"TNL\",\"departure\":\"0")
                    .append(h)
                    .append(":00\"}");
        }
        String id = draft("night shuttles", date, edits.toString());
        JsonNode preview = ok(server.get("/api/timetable/changes/" + id + "/preview", planner), 200);
        JsonNode breach = preview.get("newRoadLimitBreaches").get(0);
        assertThat(breach.get("bridge").asText()).contains("Friendship Bridge");
        assertThat(breach.get("limitMinutes").asLong()).isEqualTo(240);
        assertThat(breach.get("closedMinutes").asLong()).isGreaterThan(240);
        assertThat(preview.get("scopeCheck")
                        .get("datesWithNewRoadLimitBreaches")
                        .findValuesAsText("date"))
                .containsExactly(date.toString());
        TestServer.Reply refused = server.postJson("/api/timetable/changes/" + id + "/publish", planner, "{}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("field").asText()).isEqualTo("acceptConflicts");
        assertThat(refused.json().get("detail").asText()).contains("over its limit");
    }

    @Test
    void otherRolesAreRefusedAsForHome() {
        String body = "{\"network\":\"" + VB + "\",\"scope\":{\"from\":\"" + DAY + "\"},"
                + "\"edits\":[{\"kind\":\"CANCEL\",\"train\":\"147\"}]}";
        long before = changeRows();
        assertThat(server.postJson("/api/timetable/changes", maintainer, body).status())
                .isEqualTo(403);
        assertThat(server.postJson("/api/timetable/changes", passenger, body).status())
                .isEqualTo(403);
        assertThat(server.postJson("/api/timetable/changes", null, body).status())
                .isEqualTo(401);
        assertThat(server.get("/api/timetable/changes?network=" + VB, passenger).status())
                .isEqualTo(403);
        assertThat(changeRows()).isEqualTo(before);
        String id = draft("cancel 147", DAY, "{\"kind\":\"CANCEL\",\"train\":\"147\"}");
        assertThat(server.postJson("/api/timetable/changes/" + id + "/publish", maintainer, "{}")
                        .status())
                .isEqualTo(403);
        assertThat(server.get("/api/timetable/changes/" + id + "/impact", maintainer)
                        .status())
                .as("maintainers do not see sold tickets")
                .isEqualTo(403);
        assertThat(ok(server.get("/api/timetable/changes/" + id, maintainer), 200)
                        .get("network")
                        .asText())
                .isEqualTo(VB);
        ok(server.postJson("/api/timetable/changes/" + id + "/discard", planner, "{}"), 200);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"network\":\"atlantis\",\"scope\":{\"from\":\"2026-12-07\"},\"edits\":[{\"kind\":\"CANCEL\",\"train\":\"133\"}]}|network",
                "{\"network\":\"vientiane-bangkok\",\"scope\":{\"from\":\"2026-12-07\"},\"edits\":[{\"kind\":\"CANCEL\",\"train\":\"C82\"}]}|edits[0].train",
                "{\"network\":\"china-laos\",\"scope\":{\"from\":\"2026-12-07\"},\"edits\":[{\"kind\":\"CANCEL\",\"train\":\"133\"}]}|edits[0].train",
                "{\"network\":\"vientiane-bangkok\",\"scope\":{\"from\":\"2026-12-07\"},\"edits\":[{\"kind\":\"ADD\",\"train\":\"X1\",\"trainType\":\"SRT_SHUTTLE\",\"from\":\"VTE\",\"to\":\"TNL\",\"departure\":\"10:00\"}]}|edits[0].from",
                "{\"network\":\"vientiane-bangkok\",\"scope\":{\"from\":\"2026-12-07\"},\"edits\":[{\"kind\":\"ADD\",\"train\":\"X1\",\"trainType\":\"CR200J\",\"from\":\"NTA\",\"to\":\"TNL\",\"departure\":\"10:00\"}]}|edits[0].trainType",
                "{\"network\":\"vientiane-bangkok\",\"scope\":{\"from\":\"2026-12-07\"},\"edits\":[{\"kind\":\"MOVE\",\"train\":\"133\",\"departure\":\"9pm\"}]}|edits[0].departure",
                "{\"network\":7,\"scope\":{\"from\":\"2026-12-07\"},\"edits\":[{\"kind\":\"CANCEL\",\"train\":\"133\"}]}|network",
            })
    void badChangesOnTheSecondNetworkNameTheFieldAndWriteNothing(String body, String field) {
        long before = changeRows();
        TestServer.Reply r = server.postJson("/api/timetable/changes", planner, body);
        assertThat(r.status()).as(r.body()).isBetween(400, 404);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("field").asText()).isEqualTo(field);
        assertThat(changeRows()).isEqualTo(before);
    }

    /** Train numbers stay unique across the networks served: the Bangkok line may not add one of home's numbers. */
    @Test
    void aTrainAddedUnderAnotherNetworksNumberIsRefusedNamingTheTrainAndWritesNothing() {
        long before = changeRows();
        TestServer.Reply r = server.postJson(
                "/api/timetable/changes",
                planner,
                "{\"network\":\"" + VB + "\",\"scope\":{\"from\":\"" + DAY + "\"},\"edits\":[{\"kind\":\"ADD\","
                        + "\"train\":\"C82\",\"trainType\":\"SRT_SHUTTLE\",\"from\":\"NTA\",\"to\":\"TNL\","
                        + "\"departure\":\"10:00\"}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("field").asText()).isEqualTo("edits[0].train");
        assertThat(r.json().get("detail").asText()).contains("C82").contains("china-laos");
        assertThat(changeRows()).isEqualTo(before);
    }

    @Test
    void anUnknownNetworkInTheListIsRefusedNamingIt() {
        TestServer.Reply r = server.get("/api/timetable/changes?network=atlantis", planner);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("network");
    }
}
