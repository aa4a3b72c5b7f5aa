package org.lancang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lancang.store.reference.ClasspathDataFiles;
import picocli.CommandLine;

/**
 * {@code --network NAME} is one mixin ({@link NetworkOption}) on every maintenance, freight and network subcommand
 * (and on ops' and the timetable changes' that pick one network): home by default, an unknown name refused in one
 * line naming the option and the networks served, exit 2.
 */
class NetworkOptionTest {
    private static final List<String> GROUPS = List.of("maintenance", "freight", "network");

    @Test
    void everyMaintenanceFreightAndNetworkSubcommandHasTheOneNetworkOption() {
        CommandLine cli = Lancang.commandLine();
        List<String> checked = new ArrayList<>();
        for (String group : GROUPS) {
            for (Map.Entry<String, CommandLine> sub :
                    cli.getSubcommands().get(group).getSubcommands().entrySet()) {
                assertThat(sub.getValue().getCommandSpec().mixins().values())
                        .as(group + " " + sub.getKey())
                        .anyMatch(m -> m.userObject() instanceof NetworkOption);
                checked.add(group + " " + sub.getKey());
            }
        }
        assertThat(checked).contains("maintenance impact", "freight quote", "network road-closures");
        // and no subcommand anywhere declares a --network of its own beside the mixin, except those naming several
        List<String> ownCopies = new ArrayList<>();
        ownCopies(cli, "", ownCopies);
        assertThat(ownCopies)
                .containsExactlyInAnyOrder("serve", "ops simulate", "gtfs export", "gtfs import", "sales reconcile");
    }

    /** The commands whose --network is their own option, not the mixin's (those that take several networks). */
    private static void ownCopies(CommandLine cli, String path, List<String> out) {
        CommandLine.Model.OptionSpec option = cli.getCommandSpec().findOption("--network");
        boolean mixed =
                cli.getCommandSpec().mixins().values().stream().anyMatch(m -> m.userObject() instanceof NetworkOption);
        if (option != null && !mixed) {
            out.add(path.strip());
        }
        cli.getSubcommands().forEach((name, sub) -> ownCopies(sub, path + " " + name, out));
    }

    @Test
    void anUnknownNetworkIsRefusedNamingTheOptionAndTheNetworksWithExitCode2() {
        for (List<String> args : List.of(
                List.of("maintenance", "restrictions"),
                List.of("maintenance", "impact", "--date", "2026-12-06"),
                List.of("freight", "slots", "--date", "2026-12-06"),
                List.of("freight", "quote", "--from", "VTS", "--to", "YHE", "--item", "REEFER_40:40"),
                List.of("network", "road-closures", "--date", "2026-12-06"),
                List.of("network", "sections"))) {
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of("--network", "atlantis"));
            CommandLineTest.Run r = CommandLineTest.run(all.toArray(String[]::new));
            assertThat(r.exitCode()).as(args + ": " + r.out() + r.err()).isEqualTo(2);
            assertThat(r.err())
                    .as(args.toString())
                    .startsWith("--network: no network 'atlantis'; served: ")
                    .contains(ClasspathDataFiles.CHINA_LAOS)
                    .contains("vientiane-bangkok");
            assertThat(r.out()).as(args.toString()).isEmpty();
        }
    }

    @Test
    void freightSlotsAndMaintenanceWorkOnTheNetworkNamedHomeByDefault() {
        List<String> secondSlots = ids("vientiane-bangkok");
        List<String> homeSlots = ids(ClasspathDataFiles.CHINA_LAOS);
        CommandLineTest.Run second =
                CommandLineTest.run("freight", "slots", "--date", "2026-12-06", "--network", "Vientiane-Bangkok");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(secondSlots).allMatch(id -> second.out().contains(id));
        assertThat(homeSlots).noneMatch(id -> second.out().contains(id));
        CommandLineTest.Run home = CommandLineTest.run("freight", "slots", "--date", "2026-12-06");
        assertThat(homeSlots).allMatch(id -> home.out().contains(id));
        assertThat(secondSlots).noneMatch(id -> home.out().contains(id));

        CommandLineTest.Run closures = CommandLineTest.run("network", "road-closures", "--date", "2026-12-06");
        assertThat(closures.exitCode()).as(closures.err()).isZero();
        assertThat(closures.out()).contains(ClasspathDataFiles.CHINA_LAOS + " has no bridge shared with a road");

        CommandLineTest.Run impact =
                CommandLineTest.run("maintenance", "impact", "--date", "2026-12-06", "--network", "vientiane-bangkok");
        assertThat(impact.exitCode()).as(impact.err()).isZero();
        assertThat(impact.out()).contains("2026-12-06: 0 restriction(s)");
    }

    /** The slot ids of a network's catalogue, read from its folder. */
    private static List<String> ids(String network) {
        return new ClasspathDataFiles(network)
                .read("freight-slots.csv")
                .lines()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(l -> l.substring(0, l.indexOf(',')))
                .toList();
    }
}
