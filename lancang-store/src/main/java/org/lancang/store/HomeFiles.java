package org.lancang.store;

import java.util.List;
import org.lancang.customs.CustomsRules;
import org.lancang.data.DataFiles;
import org.lancang.freight.FreightData;
import org.lancang.maintenance.MaintenanceRules;
import org.lancang.maintenance.SkylightFile;
import org.lancang.maintenance.SkylightWindow;
import org.lancang.money.Currencies;
import org.lancang.network.NameFolding;
import org.lancang.network.Network;
import org.lancang.operations.DispatchRules;
import org.lancang.store.reference.CurrencyFiles;
import org.lancang.ticketing.TravelDocuments;
import org.lancang.ticketing.fares.AgeFares;
import org.lancang.ticketing.fares.FareTable;
import org.lancang.timetable.Operators;
import org.lancang.tracking.TerminalTimes;

/**
 * What home's folder says besides its network, rolling stock and timetable, read at every start: each file read once
 * and checked against the network the platform runs on, before anything is written (see {@link Platform}'s first
 * start).
 */
record HomeFiles(
        Operators operators,
        FareTable fares,
        TravelDocuments documents,
        List<SkylightWindow> skylights,
        DispatchRules dispatchRules,
        FreightData freight,
        CustomsRules customs,
        TerminalTimes terminalTimes,
        NameFolding nameFolding) {

    HomeFiles {
        skylights = List.copyOf(skylights);
    }

    /** Every file read and checked against {@code network}; a bad one is refused naming the file, row and column. */
    static HomeFiles read(DataFiles files, Network network, Currencies currencies, MaintenanceRules maintenance) {
        Operators operators = Operators.parse(Operators.FILE, files.read(Operators.FILE), network);
        FareTable parsedFares = FareTable.parse(
                        network,
                        operators,
                        currencies,
                        files.read(FareTable.FILE),
                        files.read(FareTable.RATES_FILE),
                        files.read(FareTable.ROUNDING_FILE))
                .withAgeFares(AgeFares.parse(files.read(AgeFares.FILE), operators));
        FareTable fares = CurrencyFiles.defaultOf(files, currencies)
                .map(parsedFares::withDefaultCurrency)
                .orElse(parsedFares);
        return new HomeFiles(
                operators,
                fares,
                TravelDocuments.of(files),
                SkylightFile.parse(SkylightFile.FILE, files.read(SkylightFile.FILE), network, maintenance),
                DispatchRules.parse(files.read(DispatchRules.FILE)),
                FreightData.parse(network, currencies, files),
                CustomsRules.parse(files.read(CustomsRules.FILE), network),
                TerminalTimes.parse(network, files.read(TerminalTimes.FILE)),
                NameFolding.parse(files.read(NameFolding.FILE)));
    }
}
