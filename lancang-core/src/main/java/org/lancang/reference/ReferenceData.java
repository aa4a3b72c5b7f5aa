package org.lancang.reference;

import org.lancang.data.DataFiles;
import org.lancang.network.Network;
import org.lancang.network.NetworkParser;
import org.lancang.rollingstock.RollingStock;
import org.lancang.rollingstock.RollingStockParser;

/** A railway's reference data: its network and its rolling stock, read and checked together. */
public record ReferenceData(Network network, RollingStock rollingStock) {

    public static ReferenceData parse(DataFiles files) {
        return new ReferenceData(NetworkParser.parse(files), RollingStockParser.parse(files));
    }
}
