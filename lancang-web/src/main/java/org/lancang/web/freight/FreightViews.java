package org.lancang.web.freight;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lancang.freight.ConsignmentNote;
import org.lancang.freight.PathAnswer;
import org.lancang.freight.Tariffs;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.store.freight.FreightRecords;
import org.lancang.timetable.InsertedPath;
import org.lancang.timetable.PointTime;

/** The answers of the freight API: views, never the core's or the store's own records. */
public final class FreightViews {
    private FreightViews() {}

    public record SlotView(
            String id,
            String name,
            String train,
            LocalDate date,
            boolean runs,
            String from,
            String to,
            String departureLocal,
            Instant departureAt,
            Instant arrivalAt,
            Instant cutOffAt,
            int wagons,
            int teu,
            int wagonsLeft,
            int teuLeft,
            boolean dangerousGoods,
            String source) {
        static SlotView of(FreightRecords.SlotOnDate s) {
            return new SlotView(
                    s.slot().id(),
                    s.slot().name(),
                    s.slot().train(),
                    s.date(),
                    s.runs(),
                    s.from(),
                    s.to(),
                    s.departure() == null ? null : s.departure().toString(),
                    s.departureAt(),
                    s.arrivalAt(),
                    s.cutOffAt(),
                    s.slot().wagons(),
                    s.slot().teu(),
                    s.wagonsLeft(),
                    s.teuLeft(),
                    s.slot().dangerousGoods(),
                    s.slot().source());
        }
    }

    public record FreightCallView(String point, Instant arrival, Instant departure) {}

    public record PathView(
            String train,
            Instant departure,
            Instant arrival,
            long waitMinutes,
            List<String> waits,
            List<FreightCallView> calls) {
        static PathView of(InsertedPath p) {
            if (p == null) {
                return null;
            }
            List<FreightCallView> calls = new ArrayList<>();
            for (PointTime t : p.run().run().times()) {
                calls.add(new FreightCallView(
                        t.point().code(), p.run().at(t.arrival()), p.run().at(t.departure())));
            }
            return new PathView(
                    p.plan().number(),
                    p.run().departure(),
                    p.run().arrival(),
                    p.totalWait().toMinutes(),
                    p.waits().stream()
                            .map(w -> w.point() + " " + w.dwell().toMinutes() + " min")
                            .toList(),
                    calls);
        }
    }

    public record ConstraintView(String kind, String where, String heldBy, String message) {
        static ConstraintView of(PathAnswer.Constraint c) {
            return c == null ? null : new ConstraintView(c.kind().name(), c.where(), c.heldBy(), c.message());
        }
    }

    public record RequestView(
            String id,
            String shipper,
            String train,
            String status,
            String from,
            String to,
            List<String> via,
            Instant earliestDeparture,
            Instant latestArrival,
            double trailingMassT,
            double lengthM,
            boolean dangerousGoods,
            LocalDate serviceDate,
            Instant departure,
            Instant arrival,
            String bindingKind,
            String binding,
            Instant alternativeDeparture,
            String decidedBy,
            Instant decidedAt,
            String reason,
            String changeId,
            PathView path,
            ConstraintView constraint,
            PathView alternative,
            Double balancingSpeedKmh,
            List<String> notes) {
        static RequestView of(FreightRecords.Request r) {
            return of(r, null);
        }

        static RequestView of(FreightRecords.Request r, PathAnswer a) {
            return new RequestView(
                    r.id(),
                    r.shipper(),
                    r.train(),
                    r.status().name(),
                    r.ask().from(),
                    r.ask().to(),
                    r.ask().via(),
                    r.ask().earliestDeparture(),
                    r.ask().latestArrival(),
                    r.ask().trailingMassT(),
                    r.ask().lengthM(),
                    r.ask().dangerousGoods(),
                    r.serviceDate(),
                    r.departure(),
                    r.arrival(),
                    r.bindingKind(),
                    r.binding(),
                    r.alternativeDeparture(),
                    r.decidedBy(),
                    r.decidedAt(),
                    r.reason(),
                    r.changeId(),
                    a == null ? null : PathView.of(a.path()),
                    a == null ? null : ConstraintView.of(a.binding()),
                    a == null ? null : PathView.of(a.alternative()),
                    a == null ? null : a.balancingSpeedKmh(),
                    a == null ? List.of() : a.notes());
        }
    }

    public record UnitView(String unit, String kind, String owner) {}

    public record FreightBookingView(
            String id,
            String shipper,
            String slotId,
            String requestId,
            String train,
            LocalDate serviceDate,
            String from,
            String to,
            int wagons,
            int teu,
            Instant createdAt,
            List<UnitView> units) {
        static FreightBookingView of(FreightRecords.Booking b) {
            return new FreightBookingView(
                    b.id(),
                    b.shipper(),
                    b.slotId(),
                    b.requestId(),
                    b.train(),
                    b.serviceDate(),
                    b.from(),
                    b.to(),
                    b.wagons(),
                    b.teu(),
                    b.createdAt(),
                    b.units().stream()
                            .map(u -> new UnitView(u.unit(), u.kind().name(), u.owner()))
                            .toList());
        }
    }

    public record FreightMoneyView(String currency, BigDecimal amount) {
        static FreightMoneyView of(Money m) {
            return new FreightMoneyView(m.currency().code(), m.major());
        }
    }

    public record FreightSectionView(
            String carrier,
            String from,
            String to,
            double tariffKm,
            FreightMoneyView amount,
            Map<String, FreightMoneyView> converted) {}

    public record RateView(String base, String quote, BigDecimal rate) {}

    public record QuoteView(
            List<FreightSectionView> sections, Map<String, FreightMoneyView> total, List<RateView> rates) {
        static QuoteView of(Tariffs.Quote q) {
            List<FreightSectionView> sections = new ArrayList<>();
            for (Tariffs.SectionCharge s : q.sections()) {
                sections.add(new FreightSectionView(
                        s.carrier(),
                        s.from(),
                        s.to(),
                        s.tariffKm(),
                        FreightMoneyView.of(s.amount()),
                        byCurrency(s.converted())));
            }
            return new QuoteView(
                    sections,
                    byCurrency(q.total()),
                    q.rates().stream()
                            .map(r -> new RateView(r.base().code(), r.quote().code(), r.rate()))
                            .toList());
        }

        private static Map<String, FreightMoneyView> byCurrency(Map<Currency, Money> m) {
            Map<String, FreightMoneyView> out = new LinkedHashMap<>();
            m.forEach((c, v) -> out.put(c.code(), FreightMoneyView.of(v)));
            return out;
        }
    }

    public record PartyView(String name, String address) {}

    public record BoxView(String number, String seal) {}

    public record GoodsView(String description, String hsCode, Integer packages, Double grossMassKg) {}

    public record PayerView(String carrier, String pays) {}

    public record NoteView(
            String bookingId,
            String consignmentNumber,
            LocalDate acceptedOn,
            PartyView consignor,
            PartyView consignee,
            List<String> wagons,
            List<BoxView> containers,
            List<GoodsView> goods,
            String unNumber,
            Double reeferTemperatureC,
            BigDecimal declaredValue,
            String declaredCurrency,
            List<PayerView> payers,
            List<String> documents,
            double grossMassKg) {
        static NoteView of(FreightRecords.Note n) {
            ConsignmentNote c = n.note();
            return new NoteView(
                    n.bookingId(),
                    n.consignmentNumber(),
                    n.acceptedOn(),
                    new PartyView(c.consignor().name(), c.consignor().address()),
                    new PartyView(c.consignee().name(), c.consignee().address()),
                    c.wagons(),
                    c.containers().stream()
                            .map(b -> new BoxView(b.number(), b.seal()))
                            .toList(),
                    c.goods().stream()
                            .map(g -> new GoodsView(g.description(), g.hsCode(), g.packages(), g.grossMassKg()))
                            .toList(),
                    c.unNumber(),
                    c.reeferTemperatureC(),
                    c.declaredValue(),
                    c.declaredCurrency().code(),
                    c.payers().stream()
                            .map(p -> new PayerView(p.carrier(), p.pays()))
                            .toList(),
                    c.documents(),
                    c.grossMassKg());
        }
    }

    public record ImbalanceView(
            LocalDate date,
            String towardsA,
            int loadedTowardsA,
            String towardsB,
            int loadedTowardsB,
            int emptiesToReturn,
            String emptiesTowards) {
        static ImbalanceView of(FreightRecords.Imbalance i) {
            return new ImbalanceView(
                    i.date(),
                    i.towardsA(),
                    i.loadedTowardsA(),
                    i.towardsB(),
                    i.loadedTowardsB(),
                    i.emptiesToReturn(),
                    i.emptiesTowards());
        }
    }

    public record TrainLoadView(
            String train, String from, String to, Instant departure, int wagons, int teu, int bookings) {
        static TrainLoadView of(FreightRecords.TrainLoad t) {
            return new TrainLoadView(t.train(), t.from(), t.to(), t.departure(), t.wagons(), t.teu(), t.bookings());
        }
    }

    public record CodeView(String kind, String code, String description, String hazardClass, String packingGroup) {}
}
