package org.lancang.ticketing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lancang.money.Money;
import org.lancang.timetable.Operator;

/**
 * The cancellation fee, by how long before departure the ticket is given back: by default 8 days or more free,
 * 48 h – 8 days 5 %, 24 – 48 h 10 %, under 24 h 20 % (12306's scheme); per operator configurable.
 */
public record RefundRules(Map<Operator, List<Tier>> tiers, List<Tier> otherwise) {
    /** At least {@code before} ahead of departure, the fee is {@code feePercent}. Tiers run from the longest down. */
    public record Tier(Duration before, int feePercent) {
        public Tier {
            if (feePercent < 0 || feePercent > 100) {
                throw new IllegalArgumentException("feePercent must be 0 … 100");
            }
        }
    }

    /** What giving back a ticket refunds: what was paid, the fee kept and the refund (paid less fee). */
    public record Quote(Money paid, Money fee, Money refund) {}

    public RefundRules {
        Map<Operator, List<Tier>> copy = new HashMap<>();
        tiers.forEach((operator, list) -> copy.put(operator, List.copyOf(list)));
        tiers = Map.copyOf(copy);
        otherwise = List.copyOf(otherwise);
    }

    /** Tiers for the operators named, none for any other (its tickets refund nothing). */
    public RefundRules(Map<Operator, List<Tier>> tiers) {
        this(tiers, List.of());
    }

    public static RefundRules defaults() {
        List<Tier> standard = List.of(
                new Tier(Duration.ofDays(8), 0),
                new Tier(Duration.ofHours(48), 5),
                new Tier(Duration.ofHours(24), 10),
                new Tier(Duration.ZERO, 20));
        return new RefundRules(Map.of(), standard);
    }

    /** The fee in percent when the ticket is returned {@code before} departure; after departure no refund (100 %). */
    public int feePercent(Operator operator, Duration before) {
        if (before.isNegative()) {
            return 100;
        }
        for (Tier t : tiers.getOrDefault(operator, otherwise)) {
            if (before.compareTo(t.before()) >= 0) {
                return t.feePercent();
            }
        }
        return 100;
    }

    /** What giving back a ticket that cost {@code paid} refunds {@code before} its departure. */
    public Quote quote(Operator operator, Money paid, Duration before) {
        return quote(operator, paid, before, false);
    }

    /**
     * The same, with no fee at all when {@code feeWaived}: a published timetable change cancelled or moved the train
     * (see the timetable's change remedies).
     */
    public Quote quote(Operator operator, Money paid, Duration before, boolean feeWaived) {
        Money fee = paid.percent(feeWaived ? 0 : feePercent(operator, before));
        return new Quote(paid, fee, paid.minus(fee));
    }
}
