package org.lancang.rollingstock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.testing.ReferenceFiles;

class ReferenceRollingStockTest {
    private final ReferenceFiles files = ReferenceFiles.chinaLaos();
    private final RollingStock stock = RollingStockParser.parse(files);

    @Test
    void theCr200jHasNineCarsAnd720SeatsInFirstAndSecondClass() {
        TrainType cr = stock.type("CR200J").orElseThrow();
        assertThat(cr.category()).isEqualTo(TrainCategory.EMU);
        assertThat(cr.cars()).hasSize(9);
        assertThat(cr.seatCount()).isEqualTo(720);
        Map<SeatClass, Long> byClass =
                cr.seats().stream().collect(Collectors.groupingBy(Seat::seatClass, Collectors.counting()));
        assertThat(byClass.keySet()).containsExactlyInAnyOrder(SeatClass.FIRST, SeatClass.SECOND);
        assertThat(cr.maxSpeedKmh()).isEqualTo(160);
        assertThat(cr.seats()).extracting(s -> s.car() + "/" + s.number()).doesNotHaveDuplicates();
    }

    @Test
    void everyTypeHasSanePhysics() {
        assertThat(stock.types()).extracting(TrainType::code).contains("CR200J", "HXD3C_25G", "FREIGHT");
        for (TrainType t : stock.types()) {
            assertThat(t.tractionCurve().get(0).speedKmh()).isZero();
            assertThat(t.tractionCurve().get(t.tractionCurve().size() - 1).speedKmh())
                    .isGreaterThanOrEqualTo(t.maxSpeedKmh());
            double startAcceleration = t.tractionCurve().get(0).effortKn() / (t.massT() * t.rotatingMassFactor());
            assertThat(startAcceleration)
                    .as(t.code() + " starting acceleration m/s²")
                    .isBetween(0.05, 1.2);
            assertThat(t.resistanceKn(100)).isPositive();
            assertThat(t.source()).isNotBlank();
            assertThat(t.assumptions()).isNotBlank();
        }
        TrainType freight = stock.type("FREIGHT").orElseThrow();
        assertThat(freight.massT()).isBetween(2000.0, 3000.0);
        assertThat(freight.lengthM()).isLessThan(850.0);
    }

    @Test
    void theK11K12TypeHasThe732PlacesPublishedAtIntroduction() {
        TrainType k = stock.type("HXD3C_25G").orElseThrow();
        assertThat(k.cars()).hasSize(9);
        assertThat(k.seatCount()).isEqualTo(732);
        Map<SeatClass, Long> byClass =
                k.seats().stream().collect(Collectors.groupingBy(Seat::seatClass, Collectors.counting()));
        assertThat(byClass)
                .containsEntry(SeatClass.HARD_SEAT, 590L)
                .containsEntry(SeatClass.WIDE_SEAT, 106L)
                .containsEntry(SeatClass.SOFT_SLEEPER, 36L)
                .hasSize(3);
    }

    @Test
    void everyTypeSaysWhatATimetableAddsAndWhy() {
        TrainType emu = stock.type("CR200J").orElseThrow();
        assertThat(emu.supplements().start()).isEqualTo(Duration.ofMinutes(2));
        assertThat(emu.supplements().stop()).isEqualTo(Duration.ofMinutes(1));
        assertThat(emu.supplements().allowancePercent()).isEqualTo(5.0);
        assertThat(emu.supplements().basis()).startsWith("calibrated");
        for (TrainType t : stock.types()) {
            assertThat(t.supplements().basis()).as(t.code()).isNotBlank();
        }
    }

    @Test
    void layoutsExpandToWindowMiddleAndAisleSeats() {
        List<Seat> row = Car.expandLayout(3, SeatClass.SECOND, 1, "ABC|DF", List.of());
        assertThat(row).extracting(Seat::number).containsExactly("01A", "01B", "01C", "01D", "01F");
        assertThat(row)
                .extracting(Seat::position)
                .containsExactly(
                        SeatPosition.WINDOW,
                        SeatPosition.MIDDLE,
                        SeatPosition.AISLE,
                        SeatPosition.AISLE,
                        SeatPosition.WINDOW);
        assertThat(Car.expandLayout(2, SeatClass.FIRST, 2, "AC|DF", List.of("01D")))
                .hasSize(7);
    }

    @Test
    void aSeatCountThatDisagreesWithTheLayoutIsNamed() {
        int line = files.lineOf("cars.csv", "CR200J,3,");
        ReferenceFiles broken = files.with("cars.csv", text -> {
            String[] lines = text.split("\n");
            List<String> fields = new ArrayList<>(List.of(lines[line - 1].split(",", -1)));
            fields.set(7, String.valueOf(Integer.parseInt(fields.get(7)) + 1));
            lines[line - 1] = String.join(",", fields);
            return String.join("\n", lines);
        });
        assertThatThrownBy(() -> RollingStockParser.parse(broken))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("cars.csv");
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.field()).isEqualTo("seats");
                });
    }

    @Test
    void aRisingTractionCurveIsNamed() {
        int line = files.lineOf("traction-curves.csv", "FREIGHT,") + 3;
        ReferenceFiles broken = files.with("traction-curves.csv", text -> {
            String[] lines = text.split("\n");
            List<String> fields = new ArrayList<>(List.of(lines[line - 1].split(",", -1)));
            fields.set(2, "999");
            lines[line - 1] = String.join(",", fields);
            return String.join("\n", lines);
        });
        assertThatThrownBy(() -> RollingStockParser.parse(broken))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("traction-curves.csv");
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.field()).isEqualTo("effort_kn");
                });
    }
}
