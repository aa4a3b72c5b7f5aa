package org.lancang.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;
import org.lancang.maintenance.AssetRegister;
import org.lancang.maintenance.AssetType;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.Traction;
import org.lancang.rollingstock.TrainType;
import org.lancang.runtime.LegSupplements;
import org.lancang.timetable.RunningTimes;

/**
 * Gauge and electrification per section, gauge and traction per train type, all read from the networks' files: a train
 * runs only on its own gauge and an electric one only under wires; the asset register has an overhead line only where
 * the line is electrified.
 */
class GaugeAndPowerTest {
    private static ReferenceData read(Path folder) {
        return ReferenceData.parse(name -> {
            try {
                return Files.readString(folder.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static final ReferenceData CHINA_LAOS = read(Path.of("..", "data", "china-laos"));
    private static final ReferenceData BANGKOK = read(Path.of("..", "data", "vientiane-bangkok"));
    private static final ReferenceData TINY = read(Path.of("src", "test", "resources", "networks", "tiny"));

    private static void run(ReferenceData network, TrainType type, String from, String to) {
        RunningTimes.compute(
                network.network(),
                type,
                from,
                to,
                List.of(),
                List.of(),
                RunningTimes.allowance(0),
                LegSupplements.none());
    }

    @Test
    void eachNetworkSaysItsGaugeElectrificationAndTraction() {
        assertThat(CHINA_LAOS.network().sections())
                .allSatisfy(s -> assertThat(s.electrified()).isTrue());
        assertThat(BANGKOK.network().sections())
                .allSatisfy(s -> assertThat(s.electrified()).isFalse());
        int standard = CHINA_LAOS.network().sections().get(0).gaugeMm();
        int metre = BANGKOK.network().sections().get(0).gaugeMm();
        assertThat(metre).isLessThan(standard);
        assertThat(BANGKOK.rollingStock().types()).allSatisfy(t -> {
            assertThat(t.traction()).isEqualTo(Traction.DIESEL);
            assertThat(t.gaugeMm()).isEqualTo(metre);
        });
    }

    @Test
    void aTrainCannotRunOverAGaugeItDoesNotFit() {
        TrainType emu = CHINA_LAOS.rollingStock().type("CR200J").orElseThrow();
        assertThatThrownBy(() -> run(BANGKOK, emu, "UDN", "KSV"))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors()).anySatisfy(f -> {
                            assertThat(f.field()).isEqualTo("trainType");
                            assertThat(f.message()).contains("gauge").contains("UDN");
                        }));
        TrainType diesel = BANGKOK.rollingStock().type("SRT_RAPID").orElseThrow();
        assertThatThrownBy(() -> run(CHINA_LAOS, diesel, "VTE", "LPB")).isInstanceOf(InvalidInput.class);
        run(BANGKOK, diesel, "UDN", "KSV"); // its own line
    }

    @Test
    void anElectricTrainCannotRunWhereThereIsNoOverheadLine() {
        // the tiny network has the standard gauge but no electrification
        TrainType emu = CHINA_LAOS.rollingStock().type("CR200J").orElseThrow();
        Section first = TINY.network().sections().get(0);
        assertThat(first.gaugeMm()).isEqualTo(emu.gaugeMm());
        assertThatThrownBy(() -> run(TINY, emu, first.from(), first.to()))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.getMessage()).contains("not electrified"));
    }

    @Test
    void theAssetRegisterHasOverheadLinesOnlyWhereTheLineIsElectrified() {
        AssetRegister chinaLaos = AssetRegister.generate(CHINA_LAOS.network());
        assertThat(chinaLaos.ofType(AssetType.OVERHEAD_LINE))
                .hasSize(CHINA_LAOS.network().sections().size());
        assertThat(chinaLaos.ofType(AssetType.OVERHEAD_LINE).get(0).attributes().get("system"))
                .isEqualTo(CHINA_LAOS.network().sections().get(0).electrification());
        AssetRegister bangkok = AssetRegister.generate(BANGKOK.network());
        assertThat(bangkok.ofType(AssetType.OVERHEAD_LINE)).isEmpty();
        assertThat(bangkok.ofType(AssetType.TRACK))
                .hasSize(BANGKOK.network().sections().size());
    }
}
