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

    /**
     * Bookings paid together by one charge recorded against {@code id}, such as the two legs of a journey across two
     * networks: their money is counted as one, the charge against the tickets of all of them. A booking named may be
     * any of its chain of changes (a journey names its legs as they are now): the whole chain is counted, from its
     * first booking.
     */
    public record Together(String id, List<String> bookingIds) {}

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
        return check(bookings, List.of(), ledger, ours, now, stuckAfter);
    }

    /**
     * As above, with bookings paid together: each group's charge (recorded against the group's id) and its bookings'
     * refunds are counted against what all its bookings call for.
     */
    public static Report check(
            Collection<BookingFacts> bookings,
            Collection<Together> together,
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
        Map<String, Together> groupOf = new HashMap<>();
        Set<String> groupIds = new HashSet<>();
        for (Together t : together) {
            groupIds.add(t.id());
            t.bookingIds().forEach(b -> groupOf.put(firstOf(b, byId), t));
        }
        for (Payment p : ledger) {
            if (!byId.containsKey(p.bookingId())
                    && !groupIds.contains(p.bookingId())
                    && p.status() != PaymentStatus.VOIDED) {
                findings.add(new Finding(
                        p.bookingId(), "the provider has " + p.kind() + " " + p.status() + " for no known booking"));
            }
        }
        Tally tally = new Tally(findings, ledgerByBooking, oursByBooking, now, stuckAfter);
        for (BookingFacts root : bookings) {
            if (root.changedFrom() != null && byId.containsKey(root.changedFrom())) {
                continue; // counted with its chain's first booking
            }
            if (groupOf.containsKey(root.id())) {
                continue; // counted with its group
            }
            List<BookingFacts> chain = chain(root, byId, successor);
            tally.count(root.id(), root.currency(), List.of(chain), ids(chain));
        }
        for (Together t : together) {
            List<List<BookingFacts>> chains = new ArrayList<>();
            List<String> owners = new ArrayList<>(List.of(t.id()));
            for (String named : t.bookingIds()) {
                String b = firstOf(named, byId);
                if (byId.containsKey(b)) {
                    List<BookingFacts> chain = chain(byId.get(b), byId, successor);
                    chains.add(chain);
                    owners.addAll(ids(chain));
                }
            }
            if (!chains.isEmpty()) {
                tally.count(t.id(), chains.get(0).get(0).currency(), chains, owners);
            }
        }
        return new Report(
                tally.chains,
                tally.inFlight,
                Map.copyOf(tally.taken),
                Map.copyOf(tally.refunded),
                List.copyOf(findings));
    }

    private static List<BookingFacts> chain(
            BookingFacts root, Map<String, BookingFacts> byId, Map<String, String> successor) {
        List<BookingFacts> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (BookingFacts b = root; b != null && seen.add(b.id()); b = byId.get(successor.get(b.id()))) {
            chain.add(b);
        }
        return chain;
    }

    /** The first booking of the chain of changes {@code id} is in (as far as the bookings given reach back). */
    private static String firstOf(String id, Map<String, BookingFacts> byId) {
        Set<String> seen = new HashSet<>();
        String first = id;
        while (byId.containsKey(first)
                && byId.get(first).changedFrom() != null
                && byId.containsKey(byId.get(first).changedFrom())
                && seen.add(first)) {
            first = byId.get(first).changedFrom();
        }
        return first;
    }

    private static List<String> ids(List<BookingFacts> chain) {
        return chain.stream().map(BookingFacts::id).toList();
    }

    /** Money counted so far: what was taken and given back per currency, and what does not add up. */
    private static final class Tally {
        private final List<Finding> findings;
        private final Map<String, List<Payment>> ledgerByBooking;
        private final Map<String, List<Payment>> oursByBooking;
        private final Instant now;
        private final Duration stuckAfter;
        private final Map<Currency, Money> taken = new TreeMap<>();
        private final Map<Currency, Money> refunded = new TreeMap<>();
        private int chains;
        private int inFlight;

        Tally(
                List<Finding> findings,
                Map<String, List<Payment>> ledgerByBooking,
                Map<String, List<Payment>> oursByBooking,
                Instant now,
                Duration stuckAfter) {
            this.findings = findings;
            this.ledgerByBooking = ledgerByBooking;
            this.oursByBooking = oursByBooking;
            this.now = now;
            this.stuckAfter = stuckAfter;
        }

        /**
         * Counts one unit paid as one: its chains of bookings, and the payments recorded against {@code owners} (the
         * bookings, and the group's own id). Findings are reported against {@code rootId}.
         */
        void count(String rootId, Currency currency, List<List<BookingFacts>> unit, List<String> owners) {
            chains++;
            List<Payment> moved = new ArrayList<>();
            List<Payment> recorded = new ArrayList<>();
            for (String owner : owners) {
                moved.addAll(ledgerByBooking.getOrDefault(owner, List.of()));
                recorded.addAll(oursByBooking.getOrDefault(owner, List.of()));
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
                return;
            }
            long dueCharged = 0;
            long dueRefunded = 0;
            for (List<BookingFacts> chain : unit) {
                long[] due = due(chain);
                dueCharged += due[0];
                dueRefunded += due[1];
            }
            long charged = sum(moved, PaymentKind.CHARGE, PaymentStatus.CAPTURED);
            long given = sum(moved, PaymentKind.REFUND, PaymentStatus.REFUNDED);
            if (charged != dueCharged) {
                findings.add(new Finding(
                        rootId,
                        "the provider took " + new Money(charged, currency) + "; the tickets and changes call for "
                                + new Money(dueCharged, currency)));
            }
            if (given != dueRefunded) {
                findings.add(new Finding(
                        rootId,
                        "the provider gave back " + new Money(given, currency)
                                + "; the cancellation and changes call for " + new Money(dueRefunded, currency)));
            }
            taken.merge(currency, new Money(charged, currency), Money::plus);
            refunded.merge(currency, new Money(given, currency), Money::plus);
        }
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
