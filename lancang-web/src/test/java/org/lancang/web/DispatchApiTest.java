package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.testing.TestClock;
import org.lancang.web.http.Json;

/**
 * The dispatcher's diagram and stream over HTTP: a late train's actual and forecast lines and its badge in the SVG, the
 * planner's diagram untouched; a change reaches an open stream as a server-sent event; bad parameters refused naming
 * them.
 */
class DispatchApiTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 5);
    static final TestClock CLOCK = TestClock.at("2026-12-04T22:00:00Z"); // 06:00 in China on the day
    static TestServer server;
    static String dispatcher;
    static String admin;

    @BeforeAll
    static void start() {
        server = new TestServer(CLOCK);
        admin = server.adminToken();
        TestServer.Reply r = server.postJson(
                "/api/users",
                admin,
                "{\"username\":\"wang\",\"displayName\":\"wang\",\"password\":\"wang password\","
                        + "\"roles\":[\"DISPATCHER\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        dispatcher = server.token("wang", "wang password");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aChangeReachesTheStreamAndTheDiagramDrawsTheLateTrain() throws Exception {
        // the first train of the day leaving at 06:00 China time or later
        Instant six = Instant.parse("2026-12-04T22:00:00Z");
        JsonNode first = null;
        for (JsonNode t :
                server.get("/api/operations/forecast?date=" + DAY, admin).json()) {
            if (t.get("serviceDate").asText().equals(DAY.toString())
                    && !departure(t).isBefore(six)
                    && (first == null || departure(t).isBefore(departure(first)))) {
                first = t;
            }
        }
        assertThat(first).isNotNull();
        String train = first.get("train").asText();

        // a stream opened before the event
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = http.send(
                HttpRequest.newBuilder(URI.create(server.url("/api/operations/stream")))
                        .header("Authorization", "Bearer " + dispatcher)
                        .header("Accept", "text/event-stream") // as EventSource sends it
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        CompletableFuture<String> change = CompletableFuture.supplyAsync(() -> {
            try {
                String event = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.equals("event: change")) {
                        event = line;
                    } else if (event != null && line.startsWith("data: ")) {
                        return line.substring(6);
                    }
                }
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        Instant late = departure(first).plus(Duration.ofMinutes(20));
        CLOCK.set(late.plusSeconds(60).toString());
        String event = "{\"train\":\"" + train + "\",\"serviceDate\":\"" + DAY + "\",\"point\":\""
                + first.get("from").asText() + "\",\"kind\":\"DEPARTURE\",\"at\":\"" + late + "\"}";
        assertThat(server.postJson("/api/operations/events", dispatcher, event).status())
                .isEqualTo(200);
        JsonNode data = Json.MAPPER.readTree(change.get(30, TimeUnit.SECONDS));
        assertThat(data.get("date").asText())
                .isIn(
                        DAY.toString(),
                        DAY.minusDays(1).toString(),
                        DAY.plusDays(1).toString());
        assertThat(data.get("version").asLong()).isPositive();
        assertThat(data.get("reason").asText()).isEqualTo("events");
        stream.body().close();

        String start = departure(first)
                .minus(Duration.ofHours(1))
                .atZone(ZoneId.of("Asia/Shanghai"))
                .format(DateTimeFormatter.ofPattern("HH:00"));
        String window = "date=" + DAY + "&from=" + first.get("from").asText() + "&to="
                + first.get("to").asText() + "&hours=12&zone=Asia/Shanghai&start=" + start;
        TestServer.Reply svg = server.get("/api/operations/diagram.svg?" + window, dispatcher);
        assertThat(svg.status()).as(svg.body()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        assertThat(svg.body())
                .contains("class=\"live forecast\" ")
                .contains("data-train=\"" + train + "\"")
                .containsPattern(
                        "<g class=\"delay-badge late\" data-train=\"" + train + "\"[^>]*data-delay-seconds=\"1200\"");
        // the planner's diagram of the same window shows none of it
        TestServer.Reply planner = server.get("/api/timetable/diagram.svg?" + window, admin);
        assertThat(planner.status()).isEqualTo(200);
        assertThat(planner.body()).doesNotContain("class=\"live").doesNotContain("delay-badge");
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        for (String[] bad : List.of(
                new String[] {"from=NOWHERE", "from"},
                new String[] {"to=XX", "to"},
                new String[] {"date=2026-13-01", "date"},
                new String[] {"hours=0", "hours"},
                new String[] {"start=25:00", "start"},
                new String[] {"lang=fr", "lang"},
                new String[] {"proposal=maybe", "proposal"})) {
            TestServer.Reply r = server.get("/api/operations/diagram.svg?" + bad[0], dispatcher);
            assertThat(r.status()).as(bad[0]).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.body()).as(bad[0]).contains("\"" + bad[1] + "\"");
        }
    }

    @Test
    void bothDiagramsReadTheirWindowAlikeAndRefuseItInTheSameWords() {
        for (String[] bad : List.of(
                new String[] {"from=NOWHERE", "from"},
                new String[] {"to=XX", "to"},
                new String[] {"line=LX", "line"},
                new String[] {"hours=0", "hours"},
                new String[] {"hours=49", "hours"},
                new String[] {"start=25:00", "start"},
                new String[] {"zone=Mars/Base", "zone"},
                new String[] {"lang=fr", "lang"})) {
            String query = "?date=" + DAY + "&" + bad[0];
            TestServer.Reply live = server.get("/api/operations/diagram.svg" + query, dispatcher);
            TestServer.Reply plan = server.get("/api/timetable/diagram.svg" + query, admin);
            for (TestServer.Reply r : List.of(live, plan)) {
                assertThat(r.status()).as(bad[0] + ": " + r.body()).isEqualTo(400);
                assertThat(r.json().get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
            }
            assertThat(plan.json().get("errors"))
                    .as(bad[0] + ": the same message on both")
                    .isEqualTo(live.json().get("errors"));
        }
        // without from and to both draw the whole main line
        TestServer.Reply live = server.get("/api/operations/diagram.svg?date=" + DAY + "&start=06:00", dispatcher);
        TestServer.Reply plan = server.get("/api/timetable/diagram.svg?date=" + DAY, admin);
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
    }

    static Instant departure(JsonNode train) {
        return Instant.parse(train.get("calls").get(0).get("plannedDeparture").asText());
    }
}
