package org.lancang.store.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.errors.InvalidInput;
import org.lancang.reference.ReferenceData;
import org.lancang.store.WorldCurrencies;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.Operators;
import org.lancang.timetable.Planner;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;

/**
 * Every network of data/ is served, the China–Laos one as home, and a point, train or train type is found in whichever
 * network has it; two networks sharing a code are refused at load, naming the code and both networks.
 */
class ServedNetworksTest {
    private static ServedNetwork home(DataFiles files) {
        ReferenceData data = ReferenceData.parse(files);
        List<TrainPlan> plans = TimetableFile.parse("timetable.csv", files.read("timetable.csv"));
        return ServedNetwork.home(
                data,
                Operators.parse(Operators.FILE, files.read(Operators.FILE), data.network()),
                new Planner(data.network(), data.rollingStock(), BlockingRules.defaults()),
                () -> plans,
                files,
                WorldCurrencies.TABLE);
    }

    private static ServedNetworks everyNetwork() {
        List<ClasspathDataFiles> folders = NetworkFolders.choose(List.of(), "network");
        return ServedNetworks.of(List.of(home(folders.get(0)), ServedNetwork.fromFiles(folders.get(1))));
    }

    @Test
    void everyFolderOfDataIsANetworkChinaLaosHomeByDefault() {
        List<String> codes = NetworkFolders.choose(List.of(), "network").stream()
                .map(ClasspathDataFiles::dataSet)
                .toList();
        assertThat(codes).containsExactly("china-laos", "vientiane-bangkok");
        assertThat(NetworkFolders.choose(List.of("vientiane-bangkok"), "network"))
                .extracting(ClasspathDataFiles::dataSet)
                .containsExactly("vientiane-bangkok");
        assertThatThrownBy(() -> NetworkFolders.choose(List.of("atlantis"), "--network"))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.getMessage()).contains("atlantis").contains("vientiane-bangkok"));
    }

    @Test
    void pointsTrainsAndTypesAreFoundInTheNetworkThatHasThem() {
        ServedNetworks networks = everyNetwork();
        assertThat(networks.home().code()).isEqualTo("china-laos");
        assertThat(networks.ofPoint("ktw").orElseThrow().code()).isEqualTo("vientiane-bangkok");
        assertThat(networks.ofPoint("LPB").orElseThrow().home()).isTrue();
        assertThat(networks.ofTrain("133").orElseThrow().code()).isEqualTo("vientiane-bangkok");
        assertThat(networks.ofTrain("C82").orElseThrow().code()).isEqualTo("china-laos");
        assertThat(networks.ofTrainType("SRT_RAPID").orElseThrow().code()).isEqualTo("vientiane-bangkok");
        assertThat(networks.ofTrain("X1")).isEmpty();
        ServedNetwork second = networks.find("vientiane-bangkok").orElseThrow();
        // its day is evaluated from its folder alone: every planned train runs on it
        assertThat(second.day(LocalDate.of(2026, 12, 1)).runsOfTheDay())
                .hasSize(second.plans().size());
    }

    @Test
    void theNetworkARequestNamesIsHomeWhenNoneAndAnUnknownOneIsInvalidInputListingTheServed() {
        ServedNetworks networks = everyNetwork();
        assertThat(networks.named(null, "network").home()).isTrue();
        assertThat(networks.named(" ", "network").home()).isTrue();
        assertThat(networks.named(" Vientiane-Bangkok ", "network").code()).isEqualTo("vientiane-bangkok");
        assertThatThrownBy(() -> networks.named("atlantis", "body.network"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("body.network");
                    assertThat(e.getMessage()).contains("'atlantis'").contains("china-laos, vientiane-bangkok");
                });
    }

    @Test
    void aPointCodeInTwoNetworksIsRefusedNamingTheCodeAndBothNetworks() {
        ClasspathDataFiles second = new ClasspathDataFiles("vientiane-bangkok");
        // the same folder under another network code: every point code clashes
        DataFiles copy = name -> name.equals("network.csv")
                ? second.read(name).replace("vientiane-bangkok", "copy-of-vientiane-bangkok")
                : second.read(name);
        ServedNetwork home = home(new ClasspathDataFiles("china-laos"));
        assertThatThrownBy(() -> ServedNetworks.of(
                        List.of(home, ServedNetwork.fromFiles(second), ServedNetwork.fromFiles(copy))))
                .isInstanceOf(ServedNetworks.Clash.class)
                .hasMessageContaining("point code 'KTW'")
                .hasMessageContaining("'vientiane-bangkok' and 'copy-of-vientiane-bangkok'");
    }

    @Test
    void aTrainNumberInTwoNetworksIsRefused() {
        ClasspathDataFiles second = new ClasspathDataFiles("vientiane-bangkok");
        // 133 renumbered C82, a number of the home network
        DataFiles renumbered = name ->
                name.equals("timetable.csv") ? second.read(name).replaceFirst("(?m)^133,", "C82,") : second.read(name);
        ServedNetwork home = home(new ClasspathDataFiles("china-laos"));
        assertThatThrownBy(() -> ServedNetworks.of(List.of(home, ServedNetwork.fromFiles(renumbered))))
                .isInstanceOf(ServedNetworks.Clash.class)
                .hasMessageContaining("train number 'C82'")
                .hasMessageContaining("'china-laos' and 'vientiane-bangkok'");
    }

    @Test
    void theSameNetworkCodeTwiceIsRefused() {
        ClasspathDataFiles second = new ClasspathDataFiles("vientiane-bangkok");
        ServedNetwork home = home(new ClasspathDataFiles("china-laos"));
        assertThatThrownBy(() -> ServedNetworks.of(
                        List.of(home, ServedNetwork.fromFiles(second), ServedNetwork.fromFiles(second))))
                .isInstanceOf(ServedNetworks.Clash.class)
                .hasMessageContaining("network code 'vientiane-bangkok'")
                .hasMessageContaining("'vientiane-bangkok' and 'vientiane-bangkok'");
    }
}
