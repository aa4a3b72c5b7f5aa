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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.store.testing.TestClock;

/**
 * The GTFS feeds follow the timetable changes published through {@code /api/timetable/changes}: a cancelled run has
 * calendar_dates exception 2 on its date, a moved run is a trip of its own on its date, on the home network and on
 * the Bangkok line; undoing the changes gives the base feed back, byte for byte.
 */
class GtfsChangesApiTest {
    static TestServer server;
    static String planner;

    @BeforeAll
    static void start() {
        server = TestServer.everyNetwork(TestClock.at("2026-12-05T10:00:00Z"));
        planner = server.user(server.adminToken(), "gtfs.planner", "PLANNER");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void publishedChangesAreInTheFeedsAndUndoingThemGivesTheBaseFeedBack() throws Exception {
        byte[] homeBefore = bytes("/gtfs.zip");
        byte[] vbBefore = bytes("/gtfs/vientiane-bangkok.zip");
        assertThat(unzip(homeBefore)).doesNotContainKey("calendar_dates.txt");

        String cancel = publish("", "2026-12-07", "{\"kind\":\"CANCEL\",\"train\":\"D88\"}");
        String move = publish("", "2026-12-08", "{\"kind\":\"MOVE\",\"train\":\"D87\",\"departure\":\"09:00\"}");
        String vbMove = publish(
                "\"network\":\"vientiane-bangkok\",",
                "2026-12-09",
                "{\"kind\":\"MOVE\",\"train\":\"133\",\"departure\":\"20:55\"}");

        Map<String, String> home = unzip(bytes("/gtfs.zip"));
        assertThat(home.get("calendar_dates.txt").lines())
                .contains("D87-20261208,20261208,1")
                .anyMatch(l -> l.endsWith("-D88,20261207,2"))
                .anyMatch(l -> l.endsWith("-D87,20261208,2"));
        assertThat(home.get("trips.txt")).contains(",D87-20261208,");
        assertThat(bytes("/gtfs/china-laos.zip"))
                .as("the home network's feed by its code")
                .isEqualTo(bytes("/gtfs.zip"));
        assertThat(home.get("stop_times.txt")
                        .lines()
                        .filter(l -> l.startsWith("D87-20261208,"))
                        .findFirst())
                .hasValueSatisfying(l -> assertThat(l).contains(",09:00:00,"));
        Map<String, String> vb = unzip(bytes("/gtfs/vientiane-bangkok.zip"));
        assertThat(vb.get("calendar_dates.txt").lines())
                .contains("133-20261209,20261209,1")
                .anyMatch(l -> l.endsWith("-133,20261209,2"));
        assertThat(vb.get("stop_times.txt")
                        .lines()
                        .filter(l -> l.startsWith("133-20261209,"))
                        .findFirst())
                .hasValueSatisfying(l -> assertThat(l).contains(",20:55:00,"));

        for (String id : List.of(vbMove, move, cancel)) {
            assertThat(server.postJson("/api/timetable/changes/" + id + "/undo", planner, "{}")
                            .status())
                    .isEqualTo(200);
        }
        assertThat(bytes("/gtfs.zip")).isEqualTo(homeBefore);
        assertThat(bytes("/gtfs/vientiane-bangkok.zip")).isEqualTo(vbBefore);
    }

    private static String publish(String network, String date, String edit) {
        TestServer.Reply drafted = server.postJson(
                "/api/timetable/changes",
                planner,
                "{" + network + "\"title\":\"gtfs\",\"scope\":{\"from\":\"" + date + "\"},\"edits\":[" + edit + "]}");
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String id = drafted.json().get("id").asText();
        TestServer.Reply published =
                server.postJson("/api/timetable/changes/" + id + "/publish", planner, "{\"acceptConflicts\":true}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        JsonNode change = published.json().get("change");
        assertThat(change.get("status").asText()).isEqualTo("PUBLISHED");
        return id;
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
}
