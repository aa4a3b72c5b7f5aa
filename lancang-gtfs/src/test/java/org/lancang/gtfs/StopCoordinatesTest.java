package org.lancang.gtfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.PointKind;

/** The bundled coordinate table must cover the line's passenger stations and agree with the network's km. */
class StopCoordinatesTest {
    private final StopCoordinates coordinates = StopCoordinates.bundled();
    private final Network network = Fixtures.network();

    private List<Point> passengerStations() {
        return network.points().stream()
                .filter(p -> p.kind() == PointKind.PASSENGER)
                .toList();
    }

    @Test
    void everyPassengerStationHasAnEstimatedCoordinate() {
        for (Point p : passengerStations()) {
            StopCoordinates.Coordinate c = coordinates.of(p.code()).orElse(null);
            assertThat(c).as("coordinate of %s (%s)", p.code(), p.names().en()).isNotNull();
            assertThat(c.source()).as(p.code()).startsWith("estimate: ");
        }
        assertThat(coordinates.codes())
                .as("codes that are not points of the network")
                .allMatch(code -> network.point(code).isPresent());
    }

    @Test
    void coordinatesLieInYunnanOrNorthernLaosOnTheRightSideOfTheBorder() {
        for (Point p : passengerStations()) {
            StopCoordinates.Coordinate c = coordinates.of(p.code()).orElseThrow();
            assertThat(c.lat()).as(p.code()).isBetween(17.8, 25.2);
            assertThat(c.lon()).as(p.code()).isBetween(100.5, 103.2);
            // Mohan/Boten: the border runs at about 21.19° N here.
            if (p.timeZone().equals(Fixtures.LAOS)) {
                assertThat(c.lat()).as(p.code() + " is in Laos").isLessThan(21.19);
            } else {
                assertThat(c.lat()).as(p.code() + " is in China").isGreaterThan(21.19);
            }
        }
    }

    /**
     * A railway is never shorter than the straight line: the great-circle distance between consecutive stations must
     * not exceed their km difference by more than the km estimates' own uncertainty (±15 km in points.csv).
     */
    @Test
    void straightDistancesFitTheLinesKm() {
        List<Point> stations = passengerStations();
        for (int i = 1; i < stations.size(); i++) {
            Point a = stations.get(i - 1);
            Point b = stations.get(i);
            double straight = km(
                    coordinates.of(a.code()).orElseThrow(),
                    coordinates.of(b.code()).orElseThrow());
            assertThat(straight)
                    .as("%s → %s straight distance vs %s km of line", a.code(), b.code(), b.km() - a.km())
                    .isLessThanOrEqualTo(b.km() - a.km() + 15);
        }
    }

    @Test
    void aBrokenTableNamesItsLine() {
        assertThatThrownBy(() -> StopCoordinates.parse("c.csv", "code,lat,lon,source\nKMS,95,102,estimate: x\n"))
                .isInstanceOf(GtfsFormatException.class)
                .hasMessageStartingWith("c.csv:2: field 'lat'");
    }

    private static double km(StopCoordinates.Coordinate a, StopCoordinates.Coordinate b) {
        double p1 = Math.toRadians(a.lat());
        double p2 = Math.toRadians(b.lat());
        double dp = p2 - p1;
        double dl = Math.toRadians(b.lon() - a.lon());
        double h =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371.0 * Math.asin(Math.sqrt(h));
    }
}
