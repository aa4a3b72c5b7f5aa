package org.lancang.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.TrainType;
import org.lancang.runtime.Allowance;
import org.lancang.runtime.LegSupplements;
import org.lancang.testing.ReferenceFiles;

/**
 * The running-time rules (usual dwells, supplements, allowance, section limits) against the published 2026 per-stop
 * times of D87, D88, C301, C302 and C84: the targets, one set of rules for every train.
 */
class TimetableCalibrationTest {
    static final ReferenceFiles FILES = ReferenceFiles.chinaLaos();
    static final ReferenceData DATA = ReferenceData.parse(FILES);
    static final String PUBLISHED = "published-times-2026.csv";
    static final TimetableComparison.Report REPORT = TimetableComparison.compare(
            DATA.network(),
            DATA.rollingStock(),
            PublishedTimes.parse(PUBLISHED, FILES.read(PUBLISHED), DATA.network()));

    @Test
    void theCalibrationSetIsTheFiveTrainsOfTheReference() {
        assertThat(REPORT.trains())
                .extracting(TimetableComparison.TrainResult::train)
                .containsExactly("D87", "D88", "C301", "C302", "C84");
        assertThat(REPORT.legs()).hasSize(31);
    }

    @Test
    void everyLegIsWithinTenPercentOfThePublishedTime() {
        for (TimetableComparison.Leg leg : REPORT.legs()) {
            assertThat(leg.ratio())
                    .as(
                            "%s %s–%s: published %.1f, computed %.1f",
                            leg.train(), leg.from(), leg.to(), leg.publishedMinutes(), leg.computedMinutes())
                    .isBetween(0.90, 1.10);
        }
    }

    @Test
    void theMedianAbsoluteErrorIsFourPercentAtMost() {
        assertThat(REPORT.medianAbsoluteError()).isLessThanOrEqualTo(0.04);
    }

    @Test
    void eachWholeTrainIsWithinThreePercentAndD87AndD88WithinFiveMinutes() {
        for (TimetableComparison.TrainResult t : REPORT.trains()) {
            assertThat(t.ratio()).as(t.train()).isBetween(0.97, 1.03);
        }
        assertThat(Math.abs(REPORT.train("D87").differenceMinutes())).isLessThanOrEqualTo(5.0);
        assertThat(Math.abs(REPORT.train("D88").differenceMinutes())).isLessThanOrEqualTo(5.0);
    }

    @Test
    void theBarePhysicsWouldMissThePublishedTimes() {
        // the rules matter: without supplements and allowance the same trains run far too fast
        TrainType emu = DATA.rollingStock().type("CR200J").orElseThrow();
        TrainRun bare = RunningTimes.compute(
                DATA.network(),
                emu,
                "KMS",
                "VTE",
                RunningTimes.usualStops(
                        DATA.network(), "KMS", "VTE", List.of("YXI", "PUE", "XSB", "MHN", "BTN", "MXY", "LPB", "VVG")),
                List.of(),
                Allowance.none(),
                LegSupplements.none());
        assertThat(bare.runningTime().toMinutes()).isLessThan(576 - 30);
    }

    @Test
    void kunmingToKunmingSouthTakesThe19To20MinutesPublished() {
        TrainType emu = DATA.rollingStock().type("CR200J").orElseThrow();
        TrainRun link = RunningTimes.timetabled(DATA.network(), emu, "KMG", "KMS", List.of(), List.of());
        assertThat(link.runningTime().toSeconds() / 60.0).isBetween(19.5 * 0.9, 19.5 * 1.1);
    }

    @Test
    void aPublishedFileWithAMistakeIsNamedByLineAndField() {
        String text = FILES.read(PUBLISHED);
        assertThatThrownBy(() ->
                        PublishedTimes.parse("p.csv", text.replace("D87,YXI,37,", "D87,YXI,x37,"), DATA.network()))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("minutes");
                });
        assertThatThrownBy(() ->
                        PublishedTimes.parse("p.csv", text.replace("D87,PUE,150,", "D87,PUE,30,"), DATA.network()))
                .isInstanceOfSatisfying(
                        DataFileException.class, e -> assertThat(e.field()).isEqualTo("minutes"));
        assertThatThrownBy(
                        () -> PublishedTimes.parse("p.csv", text.replace("D87,PUE,", "D87,Atlantis,"), DATA.network()))
                .isInstanceOfSatisfying(
                        DataFileException.class, e -> assertThat(e.field()).isEqualTo("stop"));
        assertThatThrownBy(() -> PublishedTimes.parse(
                        "p.csv", "train,stop,minutes\nC1,KMS,0\nC2,YXI,0\nC2,PUE,50\nC1,YXI,30\n", DATA.network()))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.field()).isEqualTo("train");
                });
    }

    @Test
    void stopsMayBeGivenByNameAndTheTypeDefaultsToTheEmu() {
        List<PublishedTimes.Train> trains = PublishedTimes.parse(
                "p.csv", "train,stop,minutes\nC84,Vientiane,0\nC84,万荣,61\nC84,Luang Prabang,116\n", DATA.network());
        assertThat(trains).singleElement().satisfies(t -> {
            assertThat(t.trainType()).isEqualTo("CR200J");
            assertThat(t.stops()).extracting(PublishedTimes.Stop::point).containsExactly("VTE", "VVG", "LPB");
        });
    }
}
