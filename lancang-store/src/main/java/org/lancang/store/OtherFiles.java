package org.lancang.store;

import java.util.List;
import java.util.Optional;
import org.lancang.customs.CustomsRules;
import org.lancang.data.DataFiles;
import org.lancang.freight.FreightData;
import org.lancang.freight.GoodsCodes;
import org.lancang.maintenance.MaintenanceRules;
import org.lancang.maintenance.SkylightFile;
import org.lancang.maintenance.SkylightWindow;
import org.lancang.money.Currencies;
import org.lancang.operations.DispatchRules;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.tracking.TerminalTimes;

/**
 * What the folder of a network served besides home says, read once at every start and checked before anything is
 * written (see {@link Platform}'s first start): the network itself (its reference data, operators, timetable with each
 * train run, fares, joins and bridges) and the files its features read. A feature whose file the folder lacks is
 * empty: the network is served without it.
 */
record OtherFiles(
        ServedNetwork network,
        MaintenanceRules maintenanceRules,
        List<SkylightWindow> skylights,
        Optional<DispatchRules> dispatchRules,
        Optional<FreightData> freight,
        CustomsRules customs,
        TerminalTimes terminalTimes) {

    OtherFiles {
        skylights = List.copyOf(skylights);
    }

    /** Each folder of {@code others} read as {@link #read} reads one, in their order. */
    static List<OtherFiles> readEach(List<DataFiles> others, Currencies currencies, GoodsCodes homeCodes) {
        return others.stream().map(f -> read(f, currencies, homeCodes)).toList();
    }

    /**
     * Every file of {@code files} read and checked against its own network, its money in {@code currencies}; its
     * freight's goods codes are {@code homeCodes} where its folder has none (HS and UN numbers are world-wide).
     */
    static OtherFiles read(DataFiles files, Currencies currencies, GoodsCodes homeCodes) {
        ServedNetwork n = ServedNetwork.fromFiles(files, currencies);
        MaintenanceRules rules = MaintenanceRules.defaults();
        return new OtherFiles(
                n,
                rules,
                n.has(SkylightFile.FILE)
                        ? SkylightFile.parse(SkylightFile.FILE, files.read(SkylightFile.FILE), n.network(), rules)
                        : List.of(),
                n.has(DispatchRules.FILE)
                        ? Optional.of(DispatchRules.parse(files.read(DispatchRules.FILE)))
                        : Optional.empty(),
                n.has(FreightData.SLOTS_FILE)
                        ? Optional.of(
                                n.has(GoodsCodes.FILE)
                                        ? FreightData.parse(n.network(), currencies, files)
                                        : FreightData.parse(n.network(), currencies, files, homeCodes))
                        : Optional.empty(),
                n.has(CustomsRules.FILE)
                        ? CustomsRules.parse(files.read(CustomsRules.FILE), n.network())
                        : CustomsRules.DEFAULT,
                n.has(TerminalTimes.FILE)
                        ? TerminalTimes.parse(n.network(), files.read(TerminalTimes.FILE))
                        : TerminalTimes.none());
    }
}
