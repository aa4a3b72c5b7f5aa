package org.lancang.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lancang.data.DataFiles;
import org.lancang.network.NetworkParser;
import org.lancang.store.Platform;
import org.lancang.store.networks.NetworkFolders;
import org.lancang.store.operations.ServerClock;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.reference.DiskDataFiles;

/**
 * Opens the platform for a one-shot command (every network of the jar, China–Laos as home), telling the user if this
 * first use created the admin account.
 */
final class PlatformOpener {
    private PlatformOpener() {}

    /**
     * The platform, with the network folder on disk a command names ({@code --network ./my-line}), if any, served too:
     * in the place of the jar's network of the same code (as home, if it is home's), else beside them.
     */
    static Platform open(DatabaseOptions options, Optional<DiskDataFiles> folder) {
        List<DataFiles> networks = new ArrayList<>(NetworkFolders.choose(List.of(), "--network"));
        if (folder.isPresent()) {
            // the code is network.csv's; a bad folder stops here naming its file, row and column, as serve's start does
            String code = NetworkParser.parse(folder.get()).code();
            int same = -1;
            for (int i = 0; i < networks.size(); i++) {
                if (networks.get(i) instanceof ClasspathDataFiles jar
                        && jar.dataSet().equals(code)) {
                    same = i;
                }
            }
            if (same >= 0) {
                networks.set(same, folder.get());
            } else {
                networks.add(folder.get());
            }
        }
        return open(options, networks);
    }

    /** The platform serving {@code networks}, the first home, as {@code serve} serves them. */
    static Platform open(DatabaseOptions options, List<DataFiles> networks) {
        Platform platform = Platform.open(
                options.config(),
                networks.get(0),
                List.copyOf(networks.subList(1, networks.size())),
                ServerClock.fromEnvironment());
        platform.generatedAdminPassword()
                .ifPresent(password -> System.err.println("First use of this database: created user '"
                        + Platform.FIRST_ADMIN + "' with password " + password + " (shown only now)"));
        return platform;
    }
}
