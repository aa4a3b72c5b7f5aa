package org.lancang.app;

import org.lancang.store.Platform;
import org.lancang.store.operations.ServerClock;
import org.lancang.store.reference.ClasspathDataFiles;

/** Opens the platform for a one-shot command, telling the user if this first use created the admin account. */
final class PlatformOpener {
    private PlatformOpener() {}

    static Platform open(DatabaseOptions options) {
        Platform platform = Platform.open(
                options.config(), new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS), ServerClock.fromEnvironment());
        platform.generatedAdminPassword()
                .ifPresent(password -> System.err.println("First use of this database: created user '"
                        + Platform.FIRST_ADMIN + "' with password " + password + " (shown only now)"));
        return platform;
    }
}
