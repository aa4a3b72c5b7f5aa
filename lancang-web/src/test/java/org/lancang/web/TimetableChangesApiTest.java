package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lancang.testing.TestDates;

/**
 * {@code /api/timetable/changes} over the real server: a move scoped to one date touches that date's tickets only,
 * publishing tells their passengers and waives their fee, a path added for one date is not a daily train, and bad
 * changes are refused naming the field with nothing written.
 */
class TimetableChangesApiTest {
    /** Inside the LCR's 7-day sales window of the real clock. */
    private static final LocalDate DAY = TestDates.daysAhead(3);

    private static TestServer server;
    private static String planner;
    private static String passenger;
    private static String train;
    private static int documents;

    @BeforeAll
    static void start() {
        server = new TestServer();
        String admin = server.adminToken();
        for (String[] u :
                new String[][] {{"planner1", "PLANNER"}, {"dispatcher1", "DISPATCHER"}, {"mnt1", "MAINTAINER"}}) {
            server.postJson(
                    "/api/users",
                    admin,
                    "{\"username\":\"" + u[0] + "\",\"displayName\":\"" + u[0] + "\",\"password\":\"" + u[0]
                            + " password\",\"roles\":[\"" + u[1] + "\"]}");
        }
        planner = server.token("planner1", "planner1 password");
        passenger = server.passenger("noy", "Noy", "noy password 1");
        // a daily passenger train from Vientiane (looked up: train numbers change with the reference data)
        for (JsonNode t : server.get("/api/timetable/trains").json()) {
            if (train == null
                    && t.get("passenger").asBoolean()
                    && t.get("from").asText().equals("VTE")
                    && t.get("days").asText().equals("daily")) {
                train = t.get("number").asText();
            }
        }
        assertThat(train).isNotNull();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String ticket(LocalDate date) {
        TestServer.Reply held = server.postJson(
                "/api/bookings",
                passenger,
                "{\"train\":\"" + train + "\",\"date\":\"" + date + "\",\"from\":\"VTE\",\"to\":\"LPB\","
                        + "\"seatClass\":\"SECOND\",\"currency\":\"LAK\",\"passengers\":[{\"name\":\"Noy K.\","
                        + "\"documentType\":\"LAO_ID_CARD\",\"documentNumber\":\"LA" + (2_000_000 + ++documents)
                        + "\",\"nationality\":\"LAO\",\"dateOfBirth\":\"1995-02-03\"}]}");
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        String id = held.json().get("id").asText();
        assertThat(server.postJson(
                                "/api/bookings/" + id + "/payment", passenger, "{\"idempotencyKey\":\"k-" + id + "\"}")
                        .status())
                .isEqualTo(200);
        return id;
    }

    private static String departure(LocalDate date) {
        for (JsonNode j : server.get("/api/journeys?from=VTE&to=LPB&date=" + date + "&currency=LAK")
                .json()) {
            if (j.get("train").asText().equals(train)) {
                return j.get("departure").asText();
            }
        }
        return null;
    }

    private static long changeRows() {
        return server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT (SELECT count(*) FROM timetable_change) + (SELECT count(*) FROM timetable_change_edit)")
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void aMoveOnOneDateListsThatDatesTicketsTellsTheirPassengersAndLeavesTheOtherDatesAlone() {
        String onTheDay = ticket(DAY);
        String nextDay = ticket(DAY.plusDays(1));
        String was = departure(DAY);
        String wasNext = departure(DAY.plusDays(1));
        String time = server.get("/api/timetable/trains/" + train + "?date=" + DAY)
                .json()
                .get("calls")
                .get(0)
                .get("departureLocal")
                .asText();
        String later = String.format(
                "%02d:%s", (Integer.parseInt(time.substring(0, 2)) + 1) % 24, time.substring(3)); // an hour later

        TestServer.Reply draft = server.postJson(
                "/api/timetable/changes",
                planner,
                "{\"title\":\"engineering works\",\"scope\":{\"from\":\"" + DAY + "\",\"to\":\"" + DAY + "\"},"
                        + "\"edits\":[{\"kind\":\"MOVE\",\"train\":\"" + train + "\",\"departure\":\"" + later
                        + "\"}]}");
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String id = draft.json().get("id").asText();
        assertThat(draft.json().get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.json().get("createdBy").asText()).isEqualTo("planner1");
        assertThat(departure(DAY)).as("a draft changes nothing").isEqualTo(was);

        JsonNode impact =
                server.get("/api/timetable/changes/" + id + "/impact", planner).json();
        assertThat(impact.get("bookings").asInt()).isEqualTo(1);
        JsonNode touched = impact.get("touched").get(0);
        assertThat(touched.get("bookingId").asText()).isEqualTo(onTheDay);
        assertThat(touched.get("date").asText()).isEqualTo(DAY.toString());
        assertThat(touched.get("passengers").asInt()).isEqualTo(1);
        assertThat(touched.get("departureShiftMinutes").asLong()).isEqualTo(60);
        assertThat(touched.get("remedy").asText()).isEqualTo("FREE_CHANGE_OR_REFUND");
        assertThat(impact.get("runs").get(0).get("train").asText()).isEqualTo(train);

        JsonNode preview = server.get("/api/timetable/changes/" + id + "/preview?date=" + DAY, planner)
                .json();
        assertThat(preview.get("inScope").asBoolean()).isTrue();
        assertThat(preview.get("trains")
                        .get(0)
                        .get("after")
                        .get("calls")
                        .get(0)
                        .get("departureLocal")
                        .asText())
                .isEqualTo(later);
        assertThat(preview.get("scopeCheck").get("datesInScope").asInt()).isEqualTo(1);

        TestServer.Reply published =
                server.postJson("/api/timetable/changes/" + id + "/publish", planner, "{\"acceptConflicts\":true}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("change").get("publishedBy").asText()).isEqualTo("planner1");
        assertThat(published.json().get("impact").get("bookings").asInt()).isEqualTo(1);
        assertThat(departure(DAY)).isNotEqualTo(was).contains("T" + later);
        assertThat(departure(DAY.plusDays(1))).as("the next day is untouched").isEqualTo(wasNext);
        assertThat(server.get("/api/bookings/" + onTheDay + "/refund-quote", passenger)
                        .json()
                        .get("fee")
                        .get("minor")
                        .asLong())
                .as("fee waived")
                .isZero();
        assertThat(server.get("/api/bookings/" + nextDay + "/refund-quote", passenger)
                        .json()
                        .get("fee")
                        .get("minor")
                        .asLong())
                .isPositive();
        List<String> told = new ArrayList<>();
        server.get("/api/notifications", passenger).json().forEach(n -> {
            if (n.get("kind").asText().equals("TIMETABLE_CHANGE")) {
                told.add(n.get("bookingId").asText());
            }
        });
        assertThat(told).containsExactly(onTheDay);
        assertThat(server.postJson("/api/timetable/changes/" + id + "/publish", planner, "{}")
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("status");

        TestServer.Reply undone = server.postJson("/api/timetable/changes/" + id + "/undo", planner, "{}");
        assertThat(undone.status()).as(undone.body()).isEqualTo(200);
        assertThat(undone.json().get("change").get("status").asText()).isEqualTo("UNDONE");
        assertThat(departure(DAY)).isEqualTo(was);
    }

    @Test
    void aFreightPathAddedForOneDateRunsThatDateOnlyAndShowsInTheDraftsDiagram() {
        LocalDate date = DAY.plusDays(10);
        TestServer.Reply draft = server.postJson(
                "/api/timetable/changes",
                server.token("dispatcher1", "dispatcher1 password"),
                "{\"title\":\"extra freight\",\"scope\":{\"from\":\"" + date + "\"},\"edits\":[{\"kind\":\"ADD\","
                        + "\"train\":\"X9301\",\"trainType\":\"FREIGHT\",\"from\":\"BTN\",\"to\":\"VTS\","
                        + "\"departure\":\"10:00\",\"findPath\":true}]}");
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String id = draft.json().get("id").asText();
        String diagram = "/api/timetable/diagram.svg?from=BTN&to=VTE&date=" + date + "&start=08:00&hours=16";
        assertThat(server.get(diagram, planner).body()).doesNotContain("data-train=\"X9301\"");
        assertThat(server.get(diagram + "&change=" + id, planner).body()).contains("data-train=\"X9301\"");
        JsonNode preview =
                server.get("/api/timetable/changes/" + id + "/preview", planner).json();
        assertThat(preview.get("newConflicts")).isEmpty();
        assertThat(preview.get("trains").get(0).get("before").isNull()).isTrue();
        assertThat(server.postJson("/api/timetable/changes/" + id + "/publish", planner, "")
                        .status())
                .isEqualTo(200);
        assertThat(server.get("/api/timetable/trains?date=" + date).json().findValuesAsText("number"))
                .contains("X9301");
        assertThat(server.get("/api/timetable/trains?date=" + date.plusDays(1))
                        .json()
                        .findValuesAsText("number"))
                .doesNotContain("X9301");
        assertThat(server.get(diagram, planner).body()).contains("data-train=\"X9301\"");
        assertThat(server.get("/api/timetable/trains/X9301?date=" + date.plusDays(1))
                        .json()
                        .get("runsOnDate")
                        .asBoolean())
                .isFalse();
        assertThat(server.get("/api/timetable/changes", server.token("mnt1", "mnt1 password"))
                        .json()
                        .findValuesAsText("id"))
                .contains(id);
        assertThat(server.get("/api/timetable/changes/" + id + "/impact", server.token("mnt1", "mnt1 password"))
                        .status())
                .as("maintainers do not see sold tickets")
                .isEqualTo(403);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"edits\":[{\"kind\":\"CANCEL\",\"train\":\"C82\"}]}|scope",
                "{\"scope\":{\"from\":\"2026-13-01\"},\"edits\":[{\"kind\":\"CANCEL\",\"train\":\"C82\"}]}|scope.from",
                "{\"scope\":{\"from\":\"2026-12-10\",\"to\":\"2026-12-01\"},\"edits\":[{\"kind\":\"CANCEL\",\"train\":\"C82\"}]}|scope.to",
                "{\"scope\":{\"from\":\"2026-12-10\",\"days\":[\"XYZ\"]},\"edits\":[{\"kind\":\"CANCEL\",\"train\":\"C82\"}]}|scope.days[0]",
                "{\"scope\":{\"from\":\"2026-12-10\"},\"edits\":[]}|edits",
                "{\"scope\":{\"from\":\"2026-12-10\"},\"edits\":[{\"kind\":\"SHIFT\",\"train\":\"C82\"}]}|edits[0].kind",
                "{\"scope\":{\"from\":\"2026-12-10\"},\"edits\":[{\"kind\":\"MOVE\",\"train\":\"C82\",\"departure\":\"25:99\"}]}|edits[0].departure",
                "{\"scope\":{\"from\":\"2026-12-10\"},\"edits\":[{\"kind\":\"MOVE\",\"train\":\"NOPE1\",\"departure\":\"08:00\"}]}|edits[0].train",
                "{\"scope\":{\"from\":\"2026-12-10\"},\"edits\":[{\"kind\":\"ADD\",\"train\":\"X1\",\"trainType\":\"MAGLEV\",\"from\":\"BTN\",\"to\":\"VTS\",\"departure\":\"10:00\"}]}|edits[0].trainType",
                "{\"scope\":{\"from\":\"2026-12-10\"},\"edits\":[{\"kind\":\"ADD\",\"train\":\"X1\",\"trainType\":\"FREIGHT\",\"from\":\"XXX\",\"to\":\"VTS\",\"departure\":\"10:00\"}]}|edits[0].from",
                "{\"scope\":{\"from\":\"2026-12-10\"},\"edits\":[{\"kind\":\"REPLACE_STOPS\",\"train\":\"C82\",\"stops\":[{\"point\":\"LPB\",\"dwellMinutes\":-3}]}]}|edits[0].stops[0].dwellMinutes",
                "{\"scope\":{\"from\":\"2026-12-10\"},\"edits\":[{\"kind\":\"CANCEL\",\"train\":\"C82\",\"speed\":3}]}|edits[0].speed",
            })
    void badChangesNameTheFieldAndWriteNothing(String body, String field) {
        long before = changeRows();
        TestServer.Reply r = server.postJson("/api/timetable/changes", planner, body.replace("C82", train));
        assertThat(r.status()).as(r.body()).isBetween(400, 499);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("field").asText()).isEqualTo(field);
        assertThat(changeRows()).isEqualTo(before);
    }

    @Test
    void theDiagramZoomsItsPlotButNotItsTextAndRefusesAZoomOutOfRange() {
        String base = "/api/timetable/diagram.svg?from=BTN&to=VTE&date=" + DAY;
        String one = server.get(base, planner).body();
        String two = server.get(base + "&zoom=2", planner).body();
        assertThat(width(two)).isEqualTo(2 * width(one) - 236 - 64); // the margins keep their size
        assertThat(two).contains("font-size=\"12\"");
        TestServer.Reply bad = server.get(base + "&zoom=9", planner);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("zoom");
        TestServer.Reply unknown = server.get(base + "&change=TC-NOPE", planner);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("field").asText()).isEqualTo("change");
    }

    private static double width(String svg) {
        int at = svg.indexOf("width=\"") + 7;
        return Double.parseDouble(svg.substring(at, svg.indexOf('"', at)));
    }

    @Test
    void anUnknownChangeIsNotFound() {
        TestServer.Reply r = server.get("/api/timetable/changes/TC-NOPE", planner);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("field").asText()).isEqualTo("id");
        assertThat(server.postJson("/api/timetable/changes/TC-NOPE/publish", planner, "{}")
                        .status())
                .isEqualTo(404);
    }
}
