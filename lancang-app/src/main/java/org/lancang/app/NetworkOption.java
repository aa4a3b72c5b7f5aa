package org.lancang.app;

import java.util.List;
import java.util.Optional;
import org.lancang.data.DataFiles;
import org.lancang.store.Platform;
import org.lancang.store.networks.NetworkFolders;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.reference.DiskDataFiles;
import picocli.CommandLine.Option;

/**
 * {@code --network NAME}, mixed into every subcommand that works on one network: none named is the home network; an
 * unknown name is refused as the API refuses {@code ?network=} (the same rule, {@code NetworkChoice}), one line naming
 * {@code --network} and the networks served, exit 2. A path to a network folder on disk ({@code --network ./my-line})
 * is read from there as {@code serve} reads it ({@link NetworkFolders#onDisk}), served beside the jar's networks for
 * the one command, so that a new line's author need not rebuild the jar to try it.
 */
final class NetworkOption {
    @Option(
            names = "--network",
            paramLabel = "NAME",
            description = "the network's code, e.g. vientiane-bangkok, or the path to a network folder on disk, e.g."
                    + " ./my-line (default: the home network)")
    String name;

    /** The option given a value, for a command whose {@code --network} is its own (its default is not home). */
    static NetworkOption named(String name) {
        NetworkOption option = new NetworkOption();
        option.name = name;
        return option;
    }

    /** The network folder on disk named, to be served beside the jar's; empty for a network's code or none. */
    Optional<DiskDataFiles> folder() {
        return name == null ? Optional.empty() : NetworkFolders.onDisk(name, "--network");
    }

    /** The network named (the folder's, when a folder is), or home. */
    ServedNetwork of(Platform platform) {
        Optional<DiskDataFiles> folder = folder();
        if (folder.isEmpty()) {
            return platform.networks().named(name, "--network");
        }
        return platform.networks().all().stream()
                .filter(n -> n.files() instanceof DiskDataFiles d
                        && d.folder().equals(folder.get().folder()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "the network folder " + folder.get() + " was not served: open the platform with it"));
    }

    /** The code of the network named, or home's: what the per-network services pick by. */
    String code(Platform platform) {
        return of(platform).code();
    }

    /**
     * The network's files for a command without a database: the folder named, the jar's network named, or the
     * networks of the jar (home first) when none is named.
     */
    List<DataFiles> files() {
        Optional<DiskDataFiles> folder = folder();
        if (folder.isPresent()) {
            return List.of(folder.get());
        }
        return List.copyOf(NetworkFolders.choose(name == null ? List.of() : List.of(name), "--network"));
    }
}
