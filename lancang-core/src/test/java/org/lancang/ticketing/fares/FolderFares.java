package org.lancang.ticketing.fares;

import org.lancang.network.Network;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.WorldCurrencies;
import org.lancang.timetable.Operators;

/**
 * The fares of a made-up test folder (its {@value FareTable#FILE} and {@value FareTable#RATES_FILE}), each country's
 * part charged by the operator its operators file names, as a served network reads them.
 */
final class FolderFares {
    private FolderFares() {}

    static FareTable of(ReferenceFiles files, Network network) {
        return FareTable.parse(
                network,
                Operators.parse(Operators.FILE, files.read(Operators.FILE), network),
                WorldCurrencies.TABLE,
                files.read(FareTable.FILE),
                files.read(FareTable.RATES_FILE));
    }
}
