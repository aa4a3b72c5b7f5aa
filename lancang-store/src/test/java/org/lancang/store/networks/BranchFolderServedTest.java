package org.lancang.store.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.data.DataFiles;

/**
 * A network of several lines served from its folder (the core's branch test network) reads its timetable with the
 * network: a via that is no junction is refused when the folder is loaded, naming the file, the row and the column.
 */
class BranchFolderServedTest {
    private static final Path BRANCH = Path.of("..", "lancang-core", "src", "test", "resources", "networks", "branch");

    private static DataFiles folder(String timetable) {
        return new DataFiles() {
            @Override
            public String read(String name) {
                if (name.equals("timetable.csv") && timetable != null) {
                    return timetable;
                }
                try {
                    return Files.readString(BRANCH.resolve(name));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean has(String name) {
                return Files.exists(BRANCH.resolve(name));
            }
        };
    }

    @Test
    void theBranchFolderIsServedWithItsTrainAcrossTheJunction() {
        ServedNetwork branch = ServedNetwork.fromFiles(folder(null));
        assertThat(branch.network().lines()).hasSize(2);
        assertThat(branch.plans()).extracting(p -> p.number()).contains("T1", "T2");
    }

    @Test
    void aViaThatIsNoJunctionIsRefusedAtLoadNamingFileRowAndVia() throws IOException {
        String good = Files.readString(BRANCH.resolve("timetable.csv"));
        String bad = good.replace("the junction to Cato,QJ", "the junction to Cato,QAJ");
        assertThat(bad).isNotEqualTo(good);
        assertThatThrownBy(() -> ServedNetwork.fromFiles(folder(bad)))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("timetable.csv");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo("via");
                });
    }
}
