package org.lancang.ticketing.payments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.ticketing.BookingStatus;

/**
 * Checks money against tickets: for every booking (followed through its changes), the money the provider took equals
 * the money for the tickets issued plus the money it gave back. What the bookings call for is read from the bookings
 * alone; what moved is read from the provider's ledger; Lancang's own payment records must agree with the ledger key
 * by key. A payment still on its way (reserved, not yet captured or voided) is not yet money either way: its booking is
 * counted as in flight, and is a finding only once it has been unsettled for longer than {@code stuckAfter}.
 */
public final class Reconciliation {
    /** What a booking says about money: its fare, whether it was ticketed, and what its ending or change moved. */
    public record BookingFacts(
            String id,
            String changedFrom,
            BookingStatus status,
            Currency currency,
            long totalMinor,
            boolean ticketed,
            Long refundMinor,
            Long changeDifferenceMinor) {}

    /** One key in the provider's ledger, or in Lancang's own payment records; {@code bookingId} is what it is for. */
    public record Payment(
            String key,
            String bookingId,
            PaymentKind kind,
            PaymentStatus status,
            long amountMinor,
            Currency currency,
            Instant since) {}

    /** Something that does not add up, on one booking (or key). */
    public record Finding(String bookingId, String message) {}

    /**
     * The outcome: bookings checked (chains of changes counted once), those left aside because a payment of theirs is
     * still on its way, and the findings. It holds when there are no findings.
     */
    public record Report(
            int chains,
            int inFlight,
            Map<Currency, Money> taken,
            Map<Currency, Money> refunded,
            List<Finding> findings) {
        public boolean holds() {
            return findings.isEmpty();
        }
    }

    private Reconciliation() {}

    /**
     * @param bookings every booking to check, with the bookings it was changed from and into
     * @param ledger the provider's entries for these bookings
     * @param ours Lancang's payment records for these bookings
     * @param now the time of the check, and {@code stuckAfter} how long a payment may stay unsettled
     */
    public static Report check(
            Collection<BookingFacts> bookings,
            Collection<Payment> ledger,
            Collection<Payment> ours,
            Instant now,
            Duration stuckAfter) {
        List<Finding> findings = new ArrayList<>();
        Map<String, BookingFacts> byId = new LinkedHashMap<>();
        bookings.forEach(b -> byId.put(b.id(), b));
        Map<String, String> successor = new HashMap<>();
        for (BookingFacts b : bookings) {
            if (b.changedFrom() != null && byId.containsKey(b.changedFrom())) {
                successor.put(b.changedFrom(), b.id());
            }
        }
        Map<String, List<Payment>> ledgerByBooking = byBooking(ledger);
        Map<String, List<Payment>> oursByBooking = byBooking(ours);
        compareKeys(ledger, ours, findings);
        for (Payment p : ledger) {
            if (!byId.containsKey(p.bookingId()) && p.status() != PaymentStatus.VOIDED) {
                findings.add(new Finding(
                        p.bookingId(), "the provider has " + p.kind() + " " + p.status() + " for no known booking"));
            }
        }
        int chains = 0;
        int inFlight = 0;
        Map<Currency, Money> taken = new TreeMap<>();
        Map<Currency, Money> refunded = new TreeMap<>();
        for (BookingFacts root : bookings) {
            if (root.changedFrom() != null && byId.containsKey(root.changedFrom())) {
                continue; // counted with its chain's first booking
            }
            List<BookingFacts> chain = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (BookingFacts b = root; b != null && seen.add(b.id()); b = byId.get(successor.get(b.id()))) {
                chain.add(b);
            }
            chains++;
            List<Payment> moved = new ArrayList<>();
            List<Payment> recorded = new ArrayList<>();
            for (BookingFacts b : chain) {
                moved.addAll(ledgerByBooking.getOrDefault(b.id(), List.of()));
                recorded.addAll(oursByBooking.getOrDefault(b.id(), List.of()));
            }
            List<Payment> unsettled = new ArrayList<>();
            moved.stream().filter(p -> !p.status().settled(p.kind())).forEach(unsettled::add);
            recorded.stream().filter(p -> !p.status().settled(p.kind())).forEach(unsettled::add);
            if (!unsettled.isEmpty()) {
                inFlight++;
                unsettled.stream()
                        .filter(p ->
                                p.since() == null || p.since().plus(stuckAfter).isBefore(now))
                        .findFirst()
                        .ifPresent(p -> findings.add(new Finding(
                                p.bookingId(),
                                "a " + p.kind() + " has been " + p.status() + " since " + p.since() + " (longer than "
                                        + stuckAfter.toSeconds() + " s)")));
                continue;
            }
            long[] due = due(chain);
            long charged = sum(moved, PaymentKind.CHARGE, PaymentStatus.CAPTURED);
            long given = sum(moved, PaymentKind.REFUND, PaymentStatus.REFUNDED);
            Currency currency = root.currency();
            if (charged != due[0]) {
                findings.add(new Finding(
                        root.id(),
                        "the provider took " + new Money(charged, currency) + "; the tickets and changes call for "
                                + new Money(due[0], currency)));
            }
            if (given != due[1]) {
                findings.add(new Finding(
                        root.id(),
                        "the provider gave back " + new Money(given, currency)
                                + "; the cancellation and changes call for " + new Money(due[1], currency)));
            }
            taken.merge(currency, new Money(charged, currency), Money::plus);
            refunded.merge(currency, new Money(given, currency), Money::plus);
        }
        return new Report(chains, inFlight, Map.copyOf(taken), Map.copyOf(refunded), List.copyOf(findings));
    }

    /**
     * What a chain of bookings calls for, {charged, refunded}: the fare of the booking paid for (the first ticketed
     * one; later ones inherit the ticket), each change's difference charged or refunded, and a cancelled ticket's
     * refund.
     */
    static long[] due(List<BookingFacts> chain) {
        long charged = 0;
        long refunded = 0;
        BookingFacts previous = null;
        for (BookingFacts b : chain) {
            if (b.ticketed() && (previous == null || !previous.ticketed())) {
                charged += b.totalMinor();
            }
            if (b.status() == BookingStatus.CHANGED && b.ticketed() && b.changeDifferenceMinor() != null) {
                long d = b.changeDifferenceMinor();
                if (d > 0) {
                    charged += d;
                } else {
                    refunded -= d;
                }
            }
            if (b.status() == BookingStatus.CANCELLED && b.ticketed() && b.refundMinor() != null) {
                refunded += b.refundMinor();
            }
            previous = b;
        }
        return new long[] {charged, refunded};
    }

    /** Lancang's records and the provider's ledger agree key by key: the same kind, status and amount. */
    private static void compareKeys(Collection<Payment> ledger, Collection<Payment> ours, List<Finding> findings) {
        Map<String, Payment> theirs = new HashMap<>();
        ledger.forEach(p -> theirs.put(p.key(), p));
        Set<String> known = new HashSet<>();
        for (Payment mine : ours) {
            known.add(mine.key());
            Payment other = theirs.get(mine.key());
            if (!mine.status().settled(mine.kind())) {
                continue; // on its way: counted as in flight
            }
            if (other == null) {
                if (mine.status() != PaymentStatus.FAILED) {
                    findings.add(new Finding(
                            mine.bookingId(),
                            "a " + mine.kind() + " recorded as " + mine.status() + " is not in the provider's ledger"));
                }
                continue;
            }
            if (other.status() != mine.status()
                    || other.amountMinor() != mine.amountMinor()
                    || !other.currency().equals(mine.currency())
                    || !other.bookingId().equals(mine.bookingId())) {
                findings.add(new Finding(
                        mine.bookingId(),
                        "a " + mine.kind() + " recorded as " + mine.status() + " of "
                                + new Money(mine.amountMinor(), mine.currency()) + " is " + other.status() + " of "
                                + new Money(other.amountMinor(), other.currency()) + " in the provider's ledger"));
            }
        }
        for (Payment p : ledger) {
            if (!known.contains(p.key())) {
                findings.add(new Finding(
                        p.bookingId(),
                        "the provider has a " + p.kind() + " " + p.status() + " Lancang never recorded"));
            }
        }
    }

    private static Map<String, List<Payment>> byBooking(Collection<Payment> payments) {
        Map<String, List<Payment>> out = new HashMap<>();
        payments.forEach(
                p -> out.computeIfAbsent(p.bookingId(), k -> new ArrayList<>()).add(p));
        return out;
    }

    private static long sum(List<Payment> payments, PaymentKind kind, PaymentStatus status) {
        return payments.stream()
                .filter(p -> p.kind() == kind && p.status() == status)
                .mapToLong(Payment::amountMinor)
                .sum();
    }
}
