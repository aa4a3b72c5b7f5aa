package org.lancang.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lancang.web.http.Json;

/** {@code lancang ops}: a clean simulated day written to a file, replayed (twice), then its status and re-planning. */
class OpsCommandTest {
    static final String DATE = "2026-11-25"; // in the past, whatever the machine's clock says after 2026-11-26

    @Test
    void aSimulatedDayIsReplayedOnceItsStatusIsThePlanAndNoProposalIsMade(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("day.csv");
        CommandLineTest.Run sim = CommandLineTest.runWithoutDatabase(
                "ops", "simulate", "--date", DATE, "--seed", "3", "--disturbances", "none", "--out", file.toString());
        assertThat(sim.exitCode()).as(sim.err()).isZero();
        long events = Files.readAllLines(file).size() - 1;
        assertThat(events).isGreaterThan(1000);
        assertThat(sim.out()).contains(events + " running events, disturbances none");

        CommandLineTest.Run replay = CommandLineTest.run("ops", "replay", file.toString());
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out()).contains(events + " events recorded, 0 already known");
        CommandLineTest.Run again = CommandLineTest.run("ops", "replay", file.toString());
        assertThat(again.out()).contains("0 events recorded, " + events + " already known");

        CommandLineTest.Run status = CommandLineTest.run("ops", "status", "--date", DATE, "--format", "json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode trains = Json.MAPPER.readTree(status.out());
        assertThat(trains.size()).isGreaterThan(50);
        trains.forEach(t -> {
            assertThat(t.get("delayNowSeconds").asLong()).isZero();
            assertThat(t.get("destinationDelaySeconds").asLong()).isZero();
            assertThat(t.get("lastEvent").isNull()).isFalse();
        });
        assertThat(CommandLineTest.run("ops", "status", "--date", DATE).out()).contains("+0m");

        CommandLineTest.Run replan = CommandLineTest.run("ops", "replan", "--date", DATE, "--format", "json");
        assertThat(replan.exitCode()).as(replan.err()).isZero();
        JsonNode r = Json.MAPPER.readTree(replan.out());
        assertThat(r.get("currentCost").asLong()).isZero();
        assertThat(r.get("proposal").isNull()).isTrue();
    }

    @Test
    void aFileWithOneBadEventIsRefusedWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(
                file,
                "train,service_date,point,kind,at,source\n"
                        + "C82,2026-11-24,VTE,DEPARTURE,2026-11-24T00:45:00Z,test\n"
                        + "C82,2026-11-24,KMS,PASS,2026-11-24T01:00:00Z,test\n");
        CommandLineTest.Run r = CommandLineTest.run("ops", "replay", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("events[1].point");
        CommandLineTest.Run status = CommandLineTest.run("ops", "status", "--date", "2026-11-24", "--format", "json");
        for (JsonNode t : Json.MAPPER.readTree(status.out())) {
            assertThat(t.get("lastEvent").isNull()).as(t.get("train").asText()).isTrue();
        }
    }
}
