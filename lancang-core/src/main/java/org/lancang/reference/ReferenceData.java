package org.lancang.reference;

import org.lancang.data.DataFiles;
import org.lancang.network.Network;
import org.lancang.network.NetworkParser;
import org.lancang.rollingstock.RollingStock;
import org.lancang.rollingstock.RollingStockParser;

/** A railway's reference data: its network and its rolling stock, read and checked together. */
public record ReferenceData(Network network, RollingStock rollingStock) {

    /** The network and rolling stock of the files, with the limits by train category where the network gives them. */
    public static ReferenceData parse(DataFiles files) {
        Network network = NetworkParser.parse(files);
        RollingStock stock = RollingStockParser.parse(files);
        if (files.has(CategoryLimits.FILE)) {
            network = CategoryLimits.apply(files.read(CategoryLimits.FILE), network, stock);
        }
        return new ReferenceData(network, stock);
    }
}
