package org.lancang.app;

import java.util.List;
import org.lancang.store.Platform;
import org.lancang.store.networks.NetworkFolders;
import org.lancang.store.operations.ServerClock;
import org.lancang.store.reference.ClasspathDataFiles;

/** Opens the platform for a one-shot command (every network of the jar, China–Laos as home), telling the user if this first use created the admin account. */
final class PlatformOpener {
    private PlatformOpener() {}

    static Platform open(DatabaseOptions options) {
        List<ClasspathDataFiles> folders = NetworkFolders.choose(List.of(), "--network");
        Platform platform = Platform.open(
                options.config(),
                folders.get(0),
                List.copyOf(folders.subList(1, folders.size())),
                ServerClock.fromEnvironment());
        platform.generatedAdminPassword()
                .ifPresent(password -> System.err.println("First use of this database: created user '"
                        + Platform.FIRST_ADMIN + "' with password " + password + " (shown only now)"));
        return platform;
    }
}
