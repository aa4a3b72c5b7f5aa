package org.lancang.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.reference.ReferenceData;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Operators;
import org.lancang.timetable.Planner;
import org.lancang.timetable.PointTime;
import org.lancang.timetable.ScheduledRun;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;

/**
 * The second reference network, Bangkok – Nong Khai – Vientiane (data/vientiane-bangkok/), loads from its folder with
 * no code change: its own zone, two countries with the border on the bridge and the controls at Nong Khai and
 * Khamsavath, the Thai operator running trains on the Lao stub that another manages, and its trains run overnight.
 */
class SecondNetworkTest {
    private static final Path FOLDER = Path.of("..", "data", "vientiane-bangkok");
    private static final DataFiles FILES = name -> {
        try {
            return Files.readString(FOLDER.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };
    private static final ReferenceData DATA = ReferenceData.parse(FILES);
    private static final Network NETWORK = DATA.network();
    private static final List<TrainPlan> PLANS = TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"));

    @Test
    void itLoadsWithItsBorderControlsAwayFromTheBridge() {
        assertThat(NETWORK.code()).isEqualTo("vientiane-bangkok");
        assertThat(NETWORK.serviceZone()).isEqualTo(ZoneId.of("Asia/Bangkok"));
        assertThat(NETWORK.borders()).hasSize(1);
        Border bridge = NETWORK.borders().get(0);
        assertThat(bridge.controlIn(bridge.before()).code()).isEqualTo("NKI");
        assertThat(bridge.controlIn(bridge.after()).code()).isEqualTo("KSV");
        Operators operators = Operators.parse(Operators.FILE, FILES.read(Operators.FILE), NETWORK);
        Country laos = bridge.after();
        assertThat(operators.chargingIn(laos).orElseThrow().code()).isEqualTo("SRT");
        assertThat(operators.managing(laos).orElseThrow().code()).isEqualTo("LNR");
    }

    @Test
    void theNetworkNamesItselfInThaiFromItsNameThColumn() {
        Names names = NETWORK.profile().names();
        // the Thai name is the network.csv's own (it contains Nong Khai as the reference writes it in Thai)
        assertThat(names.in("th")).contains("หนองคาย").isNotEqualTo(names.en());
        assertThat(names.more()).containsOnlyKeys("th");
    }

    @Test
    void itsPointsHaveThaiNamesBesideTheThreeLanguages() {
        Names ktw = NETWORK.point("KTW").orElseThrow().names();
        assertThat(ktw.more()).containsEntry("th", "สถานีกลางกรุงเทพอภิวัฒน์");
        assertThat(ktw.in("th")).isEqualTo("สถานีกลางกรุงเทพอภิวัฒน์");
        assertThat(ktw.in("lo")).isEqualTo("ສະຖານີກາງ ກຸງເທບອະພິວັດ");
        // every published point has its Thai name, read from the name_th column (no code names the language)
        assertThat(NETWORK.points().stream().filter(p -> !p.assumed()))
                .allSatisfy(p -> assertThat(p.names().more()).containsKey("th"));
        // a language no point has falls back to English
        assertThat(ktw.in("fr")).isEqualTo(ktw.en());
        // the reference line has no fourth language
        assertThat(ReferenceData.parse(name -> {
                            try {
                                return Files.readString(
                                        Path.of("..", "data", "china-laos").resolve(name));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        })
                        .network()
                        .points())
                .allSatisfy(p -> assertThat(p.names().more()).isEmpty());
    }

    @Test
    void itsCodesAreUniqueAcrossTheNetworks() {
        Network chinaLaos = ReferenceData.parse(name -> {
                    try {
                        return Files.readString(
                                Path.of("..", "data", "china-laos").resolve(name));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .network();
        Set<String> codes = new HashSet<>();
        chinaLaos.points().forEach(p -> codes.add(p.code()));
        assertThat(NETWORK.points()).noneMatch(p -> codes.contains(p.code()));
    }

    /**
     * ADR 0033 step 7: the Northeastern main line Krung Thep Aphiwat – Thanon Chira (NE, the main line) and the Nong
     * Khai line from Thanon Chira (NK), joined at Thanon Chira Junction, km 266.28 on both (SRT counts both from
     * Bangkok Hua Lamphong, rising north; reference vientiane-bangkok.md).
     */
    @Test
    void itIsTwoLinesJoinedAtThanonChiraWithKmRisingNorthOnBoth() {
        assertThat(NETWORK.lines()).extracting(Line::code).containsExactly("NE", "NK");
        assertThat(NETWORK.mainLine().code()).isEqualTo("NE");
        assertThat(NETWORK.lines()).extracting(Line::risingName).containsOnly("northbound");
        assertThat(NETWORK.places("TCJ"))
                .extracting(p -> p.line().code() + "@" + p.km())
                .containsExactlyInAnyOrder("NE@266.28", "NK@266.28");
        assertThat(NETWORK.line("NE").orElseThrow().last().code()).isEqualTo("TCJ");
        assertThat(NETWORK.line("NK").orElseThrow().first().code()).isEqualTo("TCJ");
        Route route = NETWORK.routes().between("KTW", "KSV", List.of());
        assertThat(route.legs()).extracting(l -> l.line().code()).containsExactly("NE", "NK");
        assertThat(route.legs()).allMatch(Route.Leg::rising);
        assertThat(route.lengthKm()).isCloseTo(634.75 - 7, within(1e-6));
        // the point codes stay what they were: 20 points (and 5 assumed loops), TCJ once
        assertThat(NETWORK.points())
                .extracting(Point::code)
                .doesNotHaveDuplicates()
                .contains("KTW", "TCJ", "KSV");
    }

    @Test
    void train133RunsOvernightToKhamsavath() {
        Planner planner = new Planner(NETWORK, DATA.rollingStock(), BlockingRules.defaults());
        DayPlan day = planner.day(PLANS, LocalDate.of(2026, 12, 1), List.of(), List.of());
        assertThat(day.runsOfTheDay()).hasSize(PLANS.size());
        ScheduledRun r133 = day.runsOfTheDay().stream()
                .filter(r -> r.plan().number().equals("133"))
                .findFirst()
                .orElseThrow();
        List<PointTime> times = r133.run().times();
        PointTime last = times.get(times.size() - 1);
        assertThat(last.point().code()).isEqualTo("KSV");
        assertThat(r133.run().path().legs())
                .as("across Thanon Chira onto the Nong Khai line")
                .extracting(l -> l.line().code())
                .containsExactly("NE", "NK");
        ZoneId laos = last.point().timeZone();
        // an overnight train: it arrives the next morning, after its 21:25 departure
        assertThat(r133.arrival().atZone(laos).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(r133.arrival()).isAfter(r133.departure().plus(Duration.ofHours(6)));
        System.out.println("133 leaves " + r133.departure().atZone(NETWORK.serviceZone()) + ", arrives "
                + r133.arrival().atZone(laos) + "; " + day.conflicts().size() + " conflicts in the planned day");
    }
}
