package org.lancang.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.maintenance.DefectReport;
import org.lancang.maintenance.RestrictionRequest;
import org.lancang.maintenance.Severity;
import org.lancang.store.Platform;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.testing.TestDates;
import org.lancang.web.http.Json;

/** {@code lancang maintenance restrictions} lists what a maintainer imposed, from the same database. */
class MaintenanceCommandTest {
    @Test
    void restrictionsListsTheOnesInForceAndImpactShowsTheDelays() throws Exception {
        // March 2027: away from the days the other command-line tests look at
        try (Platform p = Platform.start(
                DatabaseConfig.external(CommandLineTest.dbUrl(), "postgres", null),
                new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS),
                TestDates.CLOCK)) {
            p.maintenance()
                    .report(
                            new DefectReport(
                                    null,
                                    "BRG-LPB-MEKONG",
                                    779.5,
                                    Severity.HIGH,
                                    "Bearing, pier 7",
                                    new RestrictionRequest(
                                            778.7,
                                            780.2,
                                            45,
                                            Instant.parse("2027-03-01T00:00:00Z"),
                                            Instant.parse("2027-03-10T00:00:00Z")),
                                    List.of(),
                                    "souk",
                                    TestDates.now(),
                                    p.maintenance()
                                            .register()
                                            .network()
                                            .mainLine()
                                            .code()),
                            LocalDate.parse("2027-03-02"));
        }
        CommandLineTest.Run text = CommandLineTest.run("maintenance", "restrictions", "--at", "2027-03-05T08:00+07:00");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("BRG-LPB-MEKONG", "778.700", "780.200", "45 km/h")
                .contains("1 speed restriction(s) in force");
        JsonNode json = Json.MAPPER.readTree(
                CommandLineTest.run("maintenance", "restrictions", "--at", "2027-03-05T08:00+07:00", "--format", "json")
                        .out());
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("speedKmh").asInt()).isEqualTo(45);
        assertThat(CommandLineTest.run("maintenance", "restrictions", "--at", "2027-03-10T08:00+07:00")
                        .out())
                .contains("0 speed restriction(s) in force");

        CommandLineTest.Run impact = CommandLineTest.run("maintenance", "impact", "--date", "2027-03-05");
        assertThat(impact.exitCode()).as(impact.err()).isZero();
        assertThat(impact.out()).containsPattern("C82 +VTE → BTN .*: \\+\\d+ s").containsPattern("K12 +VTE → BTN");
        // and the timetable shows C82 later that day than on a day without the restriction
        String c82 = CommandLineTest.run(
                        "timetable", "show", "--train", "C82", "--date", "2027-03-05", "--format", "json")
                .out();
        String c82Free = CommandLineTest.run(
                        "timetable", "show", "--train", "C82", "--date", "2027-03-12", "--format", "json")
                .out();
        assertThat(lastArrivalTime(c82)).isAfter(lastArrivalTime(c82Free));
    }

    private static LocalTime lastArrivalTime(String json) throws Exception {
        JsonNode calls = Json.MAPPER.readTree(json).get("calls");
        return OffsetDateTime.parse(calls.get(calls.size() - 1).get("arrival").asText())
                .toLocalTime();
    }
}
