package org.lancang.gtfs;

import java.util.Objects;
import org.lancang.network.Network;
import org.lancang.timetable.Operators;

/**
 * A network a feed may belong to, with what the importer matches a third party's feed against: its points (by code,
 * name in any language and position), its operators (by code or name), and the train type of trips whose feed does not
 * say one.
 *
 * @param coordinates      the network's stop positions (the ones its own feed is written with)
 * @param defaultTrainType the type of a trip without {@value GtfsExporter#TRAIN_TYPE_COLUMN}: GTFS has no train type
 */
public record ImportNetwork(
        String code, Network network, Operators operators, StopCoordinates coordinates, String defaultTrainType) {
    public ImportNetwork {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(operators, "operators");
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(defaultTrainType, "defaultTrainType");
    }
}
