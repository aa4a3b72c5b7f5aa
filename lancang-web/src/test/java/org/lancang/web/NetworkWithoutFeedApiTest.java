package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.store.testing.TestNetworkFolder;
import org.lancang.web.networks.NetworksRoutes;

/**
 * A network folder without {@code stop-coordinates.csv} (which docs/features/networks.md asks for GTFS only) is served
 * for all else, and says it has no feed: its static and realtime feeds are a 404 naming the missing file, and
 * {@code /api/networks} gives it no feed URL. They were a 500 (a stranger's folder found it).
 */
class NetworkWithoutFeedApiTest {
    private static final String NETWORK = "ofotbanen";
    private static TestServer server;

    /** Narvik – Kiruna as its author might first write it: everything but the stops' positions. */
    private static final DataFiles WITHOUT_COORDINATES = new DataFiles() {
        private final TestNetworkFolder folder = TestNetworkFolder.ofotbanen();

        @Override
        public String read(String name) {
            if (name.equals(NetworksRoutes.STOP_COORDINATES_FILE)) {
                throw new IllegalStateException("no " + name + " in this folder");
            }
            return folder.read(name);
        }

        @Override
        public boolean has(String name) {
            return !name.equals(NetworksRoutes.STOP_COORDINATES_FILE) && folder.has(name);
        }
    };

    @BeforeAll
    static void start() {
        server = TestServer.withOthers(List.of(WITHOUT_COORDINATES));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void itsFeedsAreNotFoundNamingTheMissingFile() {
        for (String path : List.of(
                "/gtfs/" + NETWORK + ".zip",
                "/gtfs-rt/" + NETWORK + "/trip-updates.pb",
                "/gtfs-rt/" + NETWORK + "/vehicle-positions.pb?format=json",
                "/gtfs-rt/" + NETWORK + "/alerts.pb")) {
            TestServer.Reply r = server.get(path);
            assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(404);
            assertThat(r.isProblem()).as(path).isTrue();
            assertThat(r.json().get("field").asText()).as(path).isEqualTo("network");
            assertThat(r.json().get("detail").asText()).as(path).contains(NetworksRoutes.STOP_COORDINATES_FILE);
        }
    }

    @Test
    void itIsListedWithoutAFeedAndServedForAllElse() {
        TestServer.Reply listed = server.get("/api/networks");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        for (JsonNode n : listed.json()) {
            if (n.get("code").asText().equals(NETWORK)) {
                assertThat(n.path("feedUrl").isMissingNode() || n.get("feedUrl").isNull())
                        .as(n.toString())
                        .isTrue();
            } else {
                assertThat(n.get("feedUrl").asText()).as(n.toString()).endsWith(".zip");
            }
        }
        TestServer.Reply trains = server.get("/api/networks/" + NETWORK + "/trains");
        assertThat(trains.status()).as(trains.body()).isEqualTo(200);
        assertThat(trains.json()).isNotEmpty();
        assertThat(server.get("/gtfs.zip").status()).as("the home feed").isEqualTo(200);
    }
}
