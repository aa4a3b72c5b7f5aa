package org.lancang.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.data.DataFiles;
import org.lancang.network.Point;
import org.lancang.rollingstock.TrainType;
import org.lancang.runtime.LegSupplements;
import org.lancang.testing.Seeds;
import org.lancang.timetable.RunningTimes;

/**
 * Limits by train category, read from a network's {@value CategoryLimits#FILE}: a freight train slows where its
 * category is held lower, a passenger train on the same track does not notice, and a bad row is refused at start.
 */
class CategorySpeedLimitsTest {
    private static final Path BANGKOK = Path.of("..", "data", "vientiane-bangkok");

    /** The Bangkok line's files, with some replaced (a value of null hides the file). */
    private static DataFiles files(Map<String, String> replaced) {
        return name -> {
            if (replaced.containsKey(name)) {
                String text = replaced.get(name);
                if (text == null) {
                    throw new IllegalStateException("no " + name);
                }
                return text;
            }
            try {
                return Files.readString(BANGKOK.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static double seconds(ReferenceData data, String type, String from, String to) {
        TrainType t = data.rollingStock().type(type).orElseThrow();
        return RunningTimes.compute(
                                data.network(),
                                t,
                                from,
                                to,
                                List.of(),
                                List.of(),
                                RunningTimes.allowance(0),
                                LegSupplements.none())
                        .runningTime()
                        .toMillis()
                / 1000.0;
    }

    private static final String HEADER = "category,from,to,km_from,km_to,speed_kmh,source\n";

    @Test
    void theShippedFreightLimitActsAsIfEveryTrainWereHeldThereButOnlyFreightIs() {
        ReferenceData shipped = ReferenceData.parse(files(Map.of()));
        ReferenceData without = ReferenceData.parse(files(Map.of(CategoryLimits.FILE, HEADER)));
        int freightLimit = shipped.network().sections().stream()
                .filter(s -> s.from().equals("UDN"))
                .findFirst()
                .orElseThrow()
                .categoryLimits()
                .get(0)
                .speedKmh();
        // the same stretch with the limit made one for every train, in sections.csv: the freight run must be the same
        String sections = read("sections.csv")
                .replaceFirst("(?m)^(UDN,NTA,1,100,100,[A-Z_]+,[^,]*,[^,]*),90,", "$1," + freightLimit + ",");
        ReferenceData everyTrain =
                ReferenceData.parse(files(Map.of("sections.csv", sections, CategoryLimits.FILE, HEADER)));

        double limited = seconds(shipped, "SRT_SHUTTLE", "UDN", "NTA");
        assertThat(limited).isGreaterThan(seconds(without, "SRT_SHUTTLE", "UDN", "NTA"));
        assertThat(limited).isEqualTo(seconds(everyTrain, "SRT_SHUTTLE", "UDN", "NTA"));
        assertThat(seconds(shipped, "SRT_RAPID", "UDN", "NTA"))
                .isEqualTo(seconds(without, "SRT_RAPID", "UDN", "NTA"))
                .isLessThan(seconds(everyTrain, "SRT_RAPID", "UDN", "NTA"));
    }

    @Test
    void aLimitOverPartOfASectionCostsTheCruiseDifferenceAndABoundedSlowingDown() {
        long seed = Seeds.seed(CategorySpeedLimitsTest.class);
        Random random = new Random(seed);
        ReferenceData without = ReferenceData.parse(files(Map.of(CategoryLimits.FILE, HEADER)));
        Point udn = without.network().point("UDN").orElseThrow();
        Point nta = without.network().point("NTA").orElseThrow();
        TrainType shuttle = without.rollingStock().type("SRT_SHUTTLE").orElseThrow();
        double base = seconds(without, "SRT_SHUTTLE", "UDN", "NTA");
        double baseRapid = seconds(without, "SRT_RAPID", "UDN", "NTA");
        for (int round = 0; round < 20; round++) {
            // a stretch well inside the section, where the shuttle cruises at its own top speed without the limit
            double lengthKm = 3 + random.nextInt(8);
            double fromKm = udn.km() + 8 + random.nextDouble() * (nta.km() - udn.km() - 16 - lengthKm);
            int speed = 20 + random.nextInt(shuttle.maxSpeedKmh() - 25);
            String category = random.nextBoolean() ? "FREIGHT" : "SRT_SHUTTLE";
            String file =
                    HEADER + category + ",UDN,NTA," + fromKm + "," + (fromKm + lengthKm) + "," + speed + ",test\n";
            ReferenceData limited = ReferenceData.parse(files(Map.of(CategoryLimits.FILE, file)));

            double cruise = lengthKm * 3600 * (1.0 / speed - 1.0 / shuttle.maxSpeedKmh());
            double slowingDown = 2 * (shuttle.maxSpeedKmh() - speed) / 3.6 / 0.05; // a generous floor of 0.05 m/s²
            double delta = seconds(limited, "SRT_SHUTTLE", "UDN", "NTA") - base;
            assertThat(delta).as("seed %d round %d: %s", seed, round, file).isGreaterThanOrEqualTo(cruise - 1);
            assertThat(delta).as("seed %d round %d: %s", seed, round, file).isLessThan(cruise + slowingDown);
            assertThat(seconds(limited, "SRT_RAPID", "UDN", "NTA")).isEqualTo(baseRapid);
            // both directions meet the same limit
            assertThat(seconds(limited, "SRT_SHUTTLE", "NTA", "UDN"))
                    .isGreaterThan(seconds(without, "SRT_SHUTTLE", "NTA", "UDN"));
        }
    }

    @Test
    void aLimitMayBindOneTrainTypeAndTheLowestOfOverlappingLimitsWins() {
        String two = HEADER + "SRT_SHUTTLE,UDN,NTA,,,50,test\nFREIGHT,UDN,NTA,,,40,test\n";
        String one = HEADER + "FREIGHT,UDN,NTA,,,40,test\n";
        assertThat(seconds(ReferenceData.parse(files(Map.of(CategoryLimits.FILE, two))), "SRT_SHUTTLE", "UDN", "NTA"))
                .isEqualTo(seconds(
                        ReferenceData.parse(files(Map.of(CategoryLimits.FILE, one))), "SRT_SHUTTLE", "UDN", "NTA"));
    }

    @Test
    void aNetworkWithoutTheFileHasNoLimitsByCategory() {
        Map<String, String> hidden = new HashMap<>();
        hidden.put(CategoryLimits.FILE, null);
        assertThat(ReferenceData.parse(files(hidden)).network().sections())
                .allSatisfy(s -> assertThat(s.categoryLimits()).isEmpty());
    }

    @Test
    void aBadRowIsRefusedNamingTheFileAndTheField() {
        assertThatThrownBy(() ->
                        ReferenceData.parse(files(Map.of(CategoryLimits.FILE, HEADER + "GOODS,UDN,NTA,,,40,x\n"))))
                .isInstanceOfSatisfying(
                        DataFileException.class,
                        e -> assertThat(e.getMessage())
                                .contains(CategoryLimits.FILE)
                                .contains("category")
                                .contains("GOODS"));
        assertThatThrownBy(() ->
                        ReferenceData.parse(files(Map.of(CategoryLimits.FILE, HEADER + "FREIGHT,UDN,XXX,,,40,x\n"))))
                .isInstanceOfSatisfying(
                        DataFileException.class, e -> assertThat(e.getMessage()).contains("to"));
        assertThatThrownBy(() ->
                        ReferenceData.parse(files(Map.of(CategoryLimits.FILE, HEADER + "FREIGHT,UDN,NTA,1,2,40,x\n"))))
                .isInstanceOfSatisfying(
                        DataFileException.class, e -> assertThat(e.getMessage()).contains("km_from"));
    }

    private static String read(String name) {
        return files(Map.of()).read(name);
    }
}
