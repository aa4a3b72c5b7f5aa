package org.lancang.store.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.errors.InvalidInput;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.reference.DiskDataFiles;
import org.lancang.store.reference.MissingDataFile;

/**
 * {@code lancang serve --network}: networks of the jar by name, and a network folder on disk by its path, so that a
 * stranger's new line is served without a rebuild; anything else refused naming the option.
 */
class NetworkFoldersTest {
    private static final Path OFOTBANEN =
            Path.of("..", "lancang-core", "src", "test", "resources", "networks", "ofotbanen");

    @Test
    void aFolderOnDiskIsServedBesideTheJarsNetworks() {
        List<DataFiles> served = NetworkFolders.serve(List.of("china-laos", OFOTBANEN.toString()), "--network");

        assertThat(served).hasSize(2);
        assertThat(served.get(0)).isInstanceOf(ClasspathDataFiles.class);
        assertThat(served.get(1)).isInstanceOf(DiskDataFiles.class);
        ServedNetwork network = ServedNetwork.fromFiles(served.get(1));
        assertThat(network.code()).isEqualTo("ofotbanen");
        assertThat(network.plans()).extracting(p -> p.number()).contains("95");
        assertThat(served.get(1).has("skylights.csv")).isFalse();
        // what a home network needs and this folder lacks is refused naming the file (one line from the command)
        assertThatThrownBy(() -> served.get(1).read("skylights.csv"))
                .isInstanceOf(MissingDataFile.class)
                .hasMessageContaining("no skylights.csv in the network folder")
                .hasMessageContaining("ofotbanen");
    }

    @Test
    void withoutNamesEveryNetworkOfTheJarIsServedAsBefore() {
        assertThat(NetworkFolders.serve(List.of(), "--network"))
                .hasSameSizeAs(NetworkFolders.choose(List.of(), "--network"));
    }

    @Test
    void aPathThatIsNoNetworkFolderAndAnUnknownNameAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> NetworkFolders.serve(List.of("china-laos", "./no-such-line"), "--network"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("--network");
                    assertThat(e.getMessage()).contains("no-such-line").contains("network.csv");
                });
        assertThatThrownBy(
                        () -> NetworkFolders.serve(List.of(OFOTBANEN.getParent().toString()), "--network"))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.getMessage()).contains("it has no network.csv"));
        assertThatThrownBy(() -> NetworkFolders.serve(List.of("atlantis"), "--network"))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.getMessage()).contains("china-laos").contains("path to a network folder"));
    }
}
