package org.lancang.web.rollingstock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lancang.errors.NotFound;
import org.lancang.rollingstock.Car;
import org.lancang.rollingstock.RollingStock;
import org.lancang.rollingstock.Seat;
import org.lancang.rollingstock.TrainType;
import org.lancang.web.http.Access;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.TypeRef;

/** The train types, public: physics figures, traction curves, formations and seat maps. */
public final class RollingStockRoutes {
    public record DavisView(double aKn, double bKnPerKmh, double cKnPerKmh2) {}

    public record TractionPointView(double speedKmh, double effortKn) {}

    public record CarView(int car, String kind, String seatClass, int seats) {}

    public record TrainTypeView(
            String code,
            String name,
            String category,
            String consist,
            double massT,
            double rotatingMassFactor,
            double lengthM,
            int maxSpeedKmh,
            DavisView davis,
            double brakingMps2,
            double maxPowerKw,
            List<TractionPointView> tractionCurve,
            int seats,
            Map<String, Integer> seatsByClass,
            List<CarView> cars,
            String source,
            String assumptions) {
        static TrainTypeView of(TrainType t) {
            Map<String, Integer> byClass = new TreeMap<>();
            t.seats().forEach(s -> byClass.merge(s.seatClass().name(), 1, Integer::sum));
            return new TrainTypeView(
                    t.code(),
                    t.name(),
                    t.category().name(),
                    t.consist(),
                    t.massT(),
                    t.rotatingMassFactor(),
                    t.lengthM(),
                    t.maxSpeedKmh(),
                    new DavisView(t.davisAKn(), t.davisBKnPerKmh(), t.davisCKnPerKmh2()),
                    t.brakingMps2(),
                    t.maxPowerKw(),
                    t.tractionCurve().stream()
                            .map(p -> new TractionPointView(p.speedKmh(), p.effortKn()))
                            .toList(),
                    t.seatCount(),
                    new LinkedHashMap<>(byClass),
                    t.cars().stream().map(RollingStockRoutes::car).toList(),
                    t.source(),
                    t.assumptions());
        }
    }

    public record SeatView(int car, String number, String seatClass, String position) {
        static SeatView of(Seat s) {
            return new SeatView(
                    s.car(), s.number(), s.seatClass().name(), s.position().name());
        }
    }

    private final RollingStock stock;

    public RollingStockRoutes(RollingStock stock) {
        this.stock = stock;
    }

    public List<Endpoint> endpoints() {
        List<TrainTypeView> all = stock.types().stream().map(TrainTypeView::of).toList();
        return List.of(
                Endpoint.get("/api/rolling-stock")
                        .access(Access.PUBLIC)
                        .tag("rolling stock")
                        .summary("Train types: mass, length, speeds, traction curve, Davis resistance, braking, cars")
                        .returns(TypeRef.listOf(TrainTypeView.class))
                        .handle(ctx -> ctx.json(all)),
                Endpoint.get("/api/rolling-stock/{code}")
                        .access(Access.PUBLIC)
                        .tag("rolling stock")
                        .summary("One train type")
                        .pathParam("code", "train type code, e.g. CR200J")
                        .returns(TrainTypeView.class)
                        .handle(ctx -> ctx.json(TrainTypeView.of(type(ctx.pathParam("code"))))),
                Endpoint.get("/api/rolling-stock/{code}/seats")
                        .access(Access.PUBLIC)
                        .tag("rolling stock")
                        .summary("The seat map: every seat with car, number, class and window/middle/aisle")
                        .pathParam("code", "train type code, e.g. CR200J")
                        .returns(TypeRef.listOf(SeatView.class))
                        .handle(ctx -> ctx.json(type(ctx.pathParam("code")).seats().stream()
                                .map(SeatView::of)
                                .toList())));
    }

    private TrainType type(String code) {
        return stock.type(code).orElseThrow(() -> new NotFound("code", "no train type '" + code + "'"));
    }

    private static CarView car(Car c) {
        return new CarView(
                c.number(),
                c.kind().name(),
                c.seatClass() == null ? null : c.seatClass().name(),
                c.seats().size());
    }
}
