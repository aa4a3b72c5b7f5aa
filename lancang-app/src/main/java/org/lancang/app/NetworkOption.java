package org.lancang.app;

import org.lancang.store.Platform;
import org.lancang.store.networks.ServedNetwork;
import picocli.CommandLine.Option;

/**
 * {@code --network NAME}, mixed into every subcommand that works on one network: none named is the home network; an
 * unknown name is refused as the API refuses {@code ?network=} (the same rule,
 * {@code NetworkChoice}), one line naming {@code --network} and the networks served, exit 2.
 */
final class NetworkOption {
    @Option(
            names = "--network",
            paramLabel = "NAME",
            description = "the network's code, e.g. vientiane-bangkok (default: the home network)")
    String name;

    /** The network named, or home. */
    ServedNetwork of(Platform platform) {
        return platform.networks().chosen(name, "--network");
    }

    /** The code of the network named, or home's: what the per-network services pick by. */
    String code(Platform platform) {
        return of(platform).code();
    }
}
