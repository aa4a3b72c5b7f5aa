package org.lancang.gtfs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.reference.ReferenceData;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.Operators;
import org.lancang.timetable.Planner;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.TimetableFile;
import org.mobilitydata.gtfsvalidator.input.CountryCode;
import org.mobilitydata.gtfsvalidator.runner.ApplicationType;
import org.mobilitydata.gtfsvalidator.runner.ValidationRunner;
import org.mobilitydata.gtfsvalidator.runner.ValidationRunnerConfig;
import org.mobilitydata.gtfsvalidator.util.VersionResolver;

/**
 * Runs the MobilityData GTFS validator in-process on the exported feed: any notice of severity ERROR fails the test.
 * Warnings and infos are printed (target/surefire-reports/*-output.txt) so the README can list them. The validator
 * does not stop its threads; never call System.exit here.
 */
public class GtfsValidatorTest {
    /** Validate as of the first service day, so that the result does not depend on when the test runs. */
    private static final LocalDate VALIDATION_DATE = Fixtures.START;

    @Test
    void theExportedFeedHasNoValidatorError() throws IOException {
        byte[] feed = new GtfsExporter(Fixtures.operators())
                .export(Fixtures.network(), Fixtures.timetable(), Fixtures.feedInfo());

        Report report = validate(feed, "lancang");

        report.warnings().forEach(w -> System.out.println("GTFS validator WARNING: " + w));
        report.infos().forEach(i -> System.out.println("GTFS validator INFO: " + i));
        assertThat(report.errors())
                .as("validator errors:\n%s", String.join("\n", report.errors()))
                .isEmpty();
        // The one expected notice: the extra column that carries the train type (an INFO, ignored by consumers).
        assertThat(report.infos()).anyMatch(i -> i.startsWith("unknown_column") && i.contains("lancang_train_type"));
    }

    /**
     * The second network's feed, as its folder gives it (data/vientiane-bangkok: its trains, its operators, its own
     * stop coordinates): on Asia/Bangkok, with the overnight trains' times past 24:00, and no validator error.
     */
    @Test
    void theSecondNetworksFeedHasNoValidatorError() throws IOException {
        Path folder = Path.of("..", "data", "vientiane-bangkok");
        DataFiles files = name -> {
            try {
                return Files.readString(folder.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        ReferenceData data = ReferenceData.parse(files);
        Operators operators = Operators.parse(Operators.FILE, files.read(Operators.FILE), data.network());
        Timetable timetable = new Planner(data.network(), data.rollingStock(), BlockingRules.defaults())
                .timetable(TimetableFile.parse("timetable.csv", files.read("timetable.csv")), List.of());
        GtfsExporter exporter = new GtfsExporter(
                StopCoordinates.parse("stop-coordinates.csv", files.read("stop-coordinates.csv")), operators);
        byte[] feed = exporter.export(data.network(), timetable, Fixtures.feedInfo());
        Map<String, String> txt = exporter.files(data.network(), timetable, Fixtures.feedInfo());

        Report report = validate(feed, "vientiane-bangkok", LocalDate.of(2026, 12, 1), "TH");

        report.warnings().forEach(w -> System.out.println("GTFS validator WARNING (vientiane-bangkok): " + w));
        assertThat(report.errors())
                .as("validator errors:\n%s", String.join("\n", report.errors()))
                .isEmpty();
        assertThat(txt.get("agency.txt")).contains("SRT").contains("Asia/Bangkok");
        // 133 leaves at 21:25 and arrives the next morning: its last stop time is past 24:00
        assertThat(txt.get("stop_times.txt").lines().filter(l -> l.matches(".*,(2[4-9]|3\\d):\\d\\d:\\d\\d,.*")))
                .isNotEmpty();
    }

    /** Proves the check above can fail: two agency time zones are an ERROR the harness must see. */
    @Test
    void theHarnessSeesValidatorErrors() throws IOException {
        Map<String, String> files = Zips.fixtureFiles();
        files.put(
                "agency.txt",
                files.get("agency.txt")
                        .replace(
                                "LCR,Laos-China Railway Company,https://www.lcrc.la/," + "Asia/Shanghai",
                                "LCR,Laos-China Railway Company,https://www.lcrc.la/,Asia/Vientiane"));

        Report report = validate(Zips.zip(files), "broken");

        assertThat(report.errors()).anyMatch(e -> e.startsWith("inconsistent_agency_timezone"));
    }

    public record Report(List<String> errors, List<String> warnings, List<String> infos) {}

    static Report validate(byte[] feed, String name) throws IOException {
        return validate(feed, name, VALIDATION_DATE);
    }

    static Report validate(byte[] feed, String name, LocalDate validationDate) throws IOException {
        return validate(feed, name, validationDate, "LA");
    }

    public static Report validate(byte[] feed, String name, LocalDate validationDate, String country)
            throws IOException {
        Path dir = Path.of("target", "gtfs-validator", name).toAbsolutePath();
        Path out = dir.resolve("report");
        Files.createDirectories(out);
        Path zip = dir.resolve(name + ".zip");
        Files.write(zip, feed);

        ValidationRunnerConfig config = ValidationRunnerConfig.builder()
                .setGtfsSource(zip.toUri())
                .setOutputDirectory(out)
                .setCountryCode(CountryCode.forStringOrUnknown(country))
                .setDateForValidation(validationDate)
                .setNumThreads(1)
                .setPrettyJson(true)
                .setSkipValidatorUpdate(true)
                .build();
        ValidationRunner.Status status = new ValidationRunner(new VersionResolver(ApplicationType.CLI)).run(config);
        assertThat(status).as("validator status (see %s)", out).isEqualTo(ValidationRunner.Status.SUCCESS);

        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        Report report = new Report(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (JsonNode notice : json.path("notices")) {
            String line = notice.path("code").asText() + " ×"
                    + notice.path("totalNotices").asInt() + " e.g. "
                    + notice.path("sampleNotices").path(0);
            switch (notice.path("severity").asText()) {
                case "ERROR" -> report.errors().add(line);
                case "WARNING" -> report.warnings().add(line);
                default -> report.infos().add(line);
            }
        }
        return report;
    }
}
