package org.lancang.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.lancang.maintenance.MaintenanceRules;
import org.lancang.maintenance.SkylightFile;
import org.lancang.maintenance.SkylightPlanner;
import org.lancang.maintenance.SkylightWindow;
import org.lancang.reference.ReferenceData;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Planner;
import org.lancang.timetable.Possession;
import org.lancang.timetable.TimetableBuilder;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lancang timetable build}: the planner's tool that made the reference timetable. Reads train requests in
 * priority order, slots each in with path insertion around the line's regular skylight windows (the shipped plan,
 * {@code skylights.csv}), and writes the conflict-free timetable with its meets.
 */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = "Build a conflict-free timetable from train requests (priority order) by path insertion.")
final class TimetableBuildCommand implements Callable<Integer> {
    @Option(
            names = "--requests",
            required = true,
            description = "train requests CSV (the timetable format, meets empty)")
    Path requests;

    @Option(names = "--out", required = true, description = "where to write the built timetable CSV")
    Path out;

    @Option(
            names = "--date",
            defaultValue = "2026-12-01",
            description = "reference date to plan on (default ${DEFAULT-VALUE})")
    LocalDate date;

    @Override
    public Integer call() throws Exception {
        ClasspathDataFiles files = new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS);
        ReferenceData data = ReferenceData.parse(files);
        Planner planner = new Planner(data.network(), data.rollingStock(), BlockingRules.defaults());
        List<TrainPlan> plans = TimetableFile.parse(
                requests.getFileName().toString(), Files.readString(requests, StandardCharsets.UTF_8));
        MaintenanceRules rules = MaintenanceRules.defaults();
        List<SkylightWindow> windows =
                SkylightFile.parse(SkylightFile.FILE, files.read(SkylightFile.FILE), data.network(), rules);
        List<Possession> skylights = new SkylightPlanner(data.network(), rules).reachingInto(windows, date);
        List<TrainPlan> built = new TimetableBuilder(planner).build(plans, date, skylights);
        DayPlan day = planner.day(built, date, skylights, List.of());
        Files.writeString(out, TimetableFile.format(built), StandardCharsets.UTF_8);
        System.out.println("built " + built.size() + " trains on " + date + " around " + windows.size()
                + " skylight windows: " + day.conflicts().size() + " conflicts; written to " + out);
        return day.conflicts().isEmpty() ? 0 : 1;
    }
}
