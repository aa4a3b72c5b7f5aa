package org.lancang.store.sales;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lancang.errors.Clash;
import org.lancang.money.Currencies;
import org.lancang.money.Money;
import org.lancang.store.sales.SalesRecords.Payment;
import org.lancang.store.sales.SalesRecords.PaymentPurpose;
import org.lancang.ticketing.payments.PaymentKind;
import org.lancang.ticketing.payments.PaymentRecovery;
import org.lancang.ticketing.payments.PaymentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lancang's record of every charge and refund ({@code payment}), kept in step with the provider. A charge is recorded
 * before the provider is asked, reserved, and then captured once its booking's tickets are issued, or voided when the
 * booking could not be paid with it. A refund is recorded with the cancellation or change that owes it and then made.
 * Whatever a stop in between leaves unsettled is settled from the provider's ledger by {@link #settleUnsettled}. Keys
 * are never written to the log: they are the clients' secrets of a kind (whoever has one can replay a payment).
 */
final class Payments {
    private static final Logger LOG = LoggerFactory.getLogger(Payments.class);
    private static final String COLUMNS = "id, provider_key, client_key, requested_on, booking_id, kind, purpose,"
            + " status, amount_minor, currency, provider_reference, note, created_at, settled_at";
    private static final String INSERT = "INSERT INTO payment (provider_key, client_key, requested_on, booking_id,"
            + " kind, purpose, status, amount_minor, currency, created_at) VALUES (:key, :clientKey, :requestedOn,"
            + " :booking, :kind, :purpose, 'PENDING', :amount, :currency, :now)";

    /** A payment as recorded; {@code createdNow} tells whether this call recorded it or found it recorded already. */
    record Recorded(
            long id,
            String providerKey,
            String clientKey,
            String requestedOn,
            String bookingId,
            PaymentKind kind,
            PaymentPurpose purpose,
            PaymentStatus status,
            Money amount,
            String note,
            Instant createdAt,
            boolean createdNow) {
        Payment view(String providerReference, Instant settledAt) {
            return new Payment(
                    kind,
                    purpose,
                    status,
                    amount.currency(),
                    amount.minor(),
                    clientKey,
                    providerReference,
                    createdAt,
                    settledAt,
                    note);
        }
    }

    private final Jdbi jdbi;
    private final PaymentProvider provider;
    private final Clock clock;
    private final Currencies currencies;
    /** Payments a thread of this server is working on: recovery leaves them to it. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    Payments(Jdbi jdbi, PaymentProvider provider, Clock clock, Currencies currencies) {
        this.currencies = currencies;
        this.jdbi = jdbi;
        this.provider = provider;
        this.clock = clock;
    }

    PaymentProvider provider() {
        return provider;
    }

    // ---------------------------------------------------------------- recording

    /**
     * Records a charge before the provider is asked (committed when this returns). If the key is recorded already,
     * returns that record ({@code createdNow} false): a retry, a concurrent twin, or a key used for something else,
     * which the caller tells apart.
     */
    Recorded recordCharge(
            PaymentPurpose purpose,
            String providerKey,
            String clientKey,
            String requestedOn,
            String bookingId,
            Money amount) {
        Optional<Long> id = jdbi.withHandle(h -> h.createUpdate(INSERT + " ON CONFLICT (provider_key) DO NOTHING")
                .bindMap(values(providerKey, clientKey, requestedOn, bookingId, PaymentKind.CHARGE, purpose, amount))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .findOne());
        Recorded r = byKey(providerKey).orElseThrow();
        return id.isPresent() ? withCreatedNow(r) : r;
    }

    /** Records a refund owed, in the transaction of the cancellation or change that owes it (once per key). */
    void recordRefund(
            Handle h,
            PaymentPurpose purpose,
            String providerKey,
            String clientKey,
            String requestedOn,
            String bookingId,
            Money amount) {
        h.createUpdate(INSERT + " ON CONFLICT (provider_key) DO NOTHING")
                .bindMap(values(providerKey, clientKey, requestedOn, bookingId, PaymentKind.REFUND, purpose, amount))
                .execute();
    }

    private Map<String, Object> values(
            String providerKey,
            String clientKey,
            String requestedOn,
            String bookingId,
            PaymentKind kind,
            PaymentPurpose purpose,
            Money amount) {
        Map<String, Object> v = new HashMap<>();
        v.put("key", providerKey);
        v.put("clientKey", clientKey);
        v.put("requestedOn", UUID.fromString(requestedOn));
        v.put("booking", UUID.fromString(bookingId));
        v.put("kind", kind.name());
        v.put("purpose", purpose.name());
        v.put("amount", amount.minor());
        v.put("currency", amount.currency().code());
        v.put("now", SalesRows.utc(clock.instant()));
        return v;
    }

    private static Recorded withCreatedNow(Recorded r) {
        return new Recorded(
                r.id(),
                r.providerKey(),
                r.clientKey(),
                r.requestedOn(),
                r.bookingId(),
                r.kind(),
                r.purpose(),
                r.status(),
                r.amount(),
                r.note(),
                r.createdAt(),
                true);
    }

    Optional<Recorded> byKey(String providerKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM payment WHERE provider_key = :k")
                .bind("k", providerKey)
                .map((rs, ctx) -> recorded(rs))
                .findOne());
    }

    Optional<Recorded> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM payment WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> recorded(rs))
                .findOne());
    }

    /** The charges and refunds recorded against a booking, oldest first. */
    static List<Payment> of(Handle h, UUID bookingId, Currencies currencies) {
        return h.createQuery("SELECT " + COLUMNS + " FROM payment WHERE booking_id = :b ORDER BY id")
                .bind("b", bookingId)
                .map((rs, ctx) ->
                        recorded(rs, currencies).view(rs.getString("provider_reference"), instant(rs, "settled_at")))
                .list();
    }

    /**
     * Waits (up to {@code patience}) until another request working on this payment has settled it, and returns it as
     * it then is.
     */
    Recorded awaitSettled(Recorded r, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Recorded now = r;
        while (!now.status().settled(now.kind()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            now = byId(r.id()).orElse(now);
        }
        return now;
    }

    /**
     * A payment key seen before: waits (up to {@code patience}) for the payment to settle and returns if it was captured
     * for {@code requestedOn}; a key used for something else, a payment that took nothing, or one still on its way is
     * a conflict on {@code idempotencyKey}.
     */
    void requireCapturedTwin(Recorded earlier, String requestedOn, Duration patience) {
        if (!earlier.requestedOn().equals(requestedOn)) {
            throw new Clash(
                    "idempotencyKey",
                    "this idempotency key was used for another booking: use a new key for each booking");
        }
        Recorded now = awaitSettled(earlier, patience);
        switch (now.status()) {
            case CAPTURED -> {
                // paid with this key: the caller answers as the first call did
            }
            case VOIDED, FAILED ->
                throw new Clash(
                        "idempotencyKey",
                        "the payment with this key was " + now.status()
                                + (now.note() == null ? "" : " (" + now.note() + ")")
                                + ": nothing was taken; pay with a new key");
            default ->
                throw new Clash("idempotencyKey", "a payment with this key is still in progress: retry in a moment");
        }
    }

    // ---------------------------------------------------------------- moving money

    /** Marks a payment as being worked on by this thread (recovery leaves it alone); returns whether it was free. */
    boolean begin(Recorded r) {
        return inFlight.add(r.id());
    }

    void end(Recorded r) {
        inFlight.remove(r.id());
    }

    /**
     * Reserves a charge this thread has begun, issues what it pays for with it ({@code issue} answers why it could not,
     * if it could not), then takes the money; a refused issue voids the reservation, so nothing is taken, and is a
     * conflict on {@code status}. The charge is ended here whatever happens.
     */
    void issueWith(Recorded charge, String description, Function<Recorded, Optional<String>> issue) {
        try {
            Recorded reserved = authorize(charge, description);
            Optional<String> refused = issue.apply(reserved);
            if (refused.isPresent()) {
                voidCharge(reserved, refused.get());
                throw new Clash(
                        "status", refused.get() + "; the payment was voided and nothing was taken", "payment-voided");
            }
            capture(reserved);
        } finally {
            end(charge);
        }
    }

    /**
     * Reserves the charge at the provider. A refusal (declined, or the key the provider's for another payment) is
     * recorded as FAILED and thrown as a conflict on {@code idempotencyKey}; nothing was taken.
     */
    Recorded authorize(Recorded r, String description) {
        PaymentProvider.Entry entry;
        try {
            entry = provider.authorize(r.providerKey(), r.amount(), r.bookingId(), description);
        } catch (PaymentProvider.Refused refused) {
            settle(r, PaymentStatus.FAILED, null, "refused by the payment provider: " + refused.getMessage());
            throw new Clash(
                    "idempotencyKey",
                    "the payment provider refused the payment: " + refused.getMessage(),
                    "payment-refused");
        }
        return settle(r, PaymentStatus.AUTHORIZED, entry.providerReference(), null);
    }

    /** Takes the money reserved, now that the ticket is issued with it; left to recovery if the provider fails. */
    void capture(Recorded r) {
        ask(r, PaymentStatus.CAPTURED, null, () -> provider.capture(r.providerKey()));
    }

    /** Releases the money reserved: the booking could not be paid with it. */
    void voidCharge(Recorded r, String why) {
        ask(r, PaymentStatus.VOIDED, why, () -> provider.voidCharge(r.providerKey()));
    }

    /** Makes a refund owed; left to recovery (which asks again) if the provider fails. */
    void refund(Recorded r, String description) {
        ask(
                r,
                PaymentStatus.REFUNDED,
                null,
                () -> provider.refund(r.providerKey(), r.amount(), r.bookingId(), description));
    }

    /**
     * Asks the provider and records its answer. If the provider cannot be reached the payment stays as it was, for
     * {@link #settleUnsettled} to settle from the provider's ledger later (the call is idempotent on its key).
     */
    private void ask(Recorded r, PaymentStatus outcome, String note, Supplier<PaymentProvider.Entry> call) {
        try {
            settle(r, outcome, call.get().providerReference(), note);
        } catch (RuntimeException e) {
            LOG.warn(
                    "payment {} could not be {} now ({}); it is settled later from the provider's ledger",
                    r.id(),
                    outcome,
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Records a payment's new status: only from a status its lifecycle leads from to this one (recovery may learn of
     * several steps at once), so a payment never goes back.
     */
    private Recorded settle(Recorded r, PaymentStatus status, String providerReference, String note) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE payment SET status = :s, provider_reference ="
                        + " coalesce(:ref, provider_reference), note = coalesce(:note, note), settled_at = CASE WHEN"
                        + " :settled THEN :now ELSE settled_at END WHERE id = :id AND status IN (<from>)")
                .bind("s", status.name())
                .bind("ref", providerReference)
                .bind("note", note)
                .bind("settled", status.settled(r.kind()))
                .bind("now", SalesRows.utc(clock.instant()))
                .bind("id", r.id())
                .bindList(
                        "from",
                        Arrays.stream(PaymentStatus.values())
                                .filter(from -> from.leadsTo(r.kind(), status))
                                .map(Enum::name)
                                .toList())
                .execute());
        return byId(r.id()).orElseThrow();
    }

    // ---------------------------------------------------------------- recovery

    /**
     * Settles the payments left unsettled for longer than {@code olderThan} that no thread of this server is working
     * on, from what the provider's ledger says about each key (see {@link PaymentRecovery}). At start (nothing in
     * flight) everything unsettled is settled. Returns how many were settled.
     */
    int settleUnsettled(Duration olderThan) {
        Instant before = clock.instant().minus(olderThan);
        List<Recorded> open = jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS
                                + " FROM payment WHERE status IN ('PENDING', 'AUTHORIZED') AND created_at <= :before ORDER BY id")
                .bind("before", SalesRows.utc(before))
                .map((rs, ctx) -> recorded(rs))
                .list());
        int settled = 0;
        for (Recorded r : open) {
            if (!begin(r)) {
                continue;
            }
            try {
                settled += settleOne(r) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn(
                        "settling payment {} failed ({}); will try again",
                        r.id(),
                        e.getClass().getSimpleName());
            } finally {
                end(r);
            }
        }
        return settled;
    }

    private boolean settleOne(Recorded r) {
        Optional<PaymentProvider.Entry> entry = provider.find(r.providerKey());
        Optional<PaymentStatus> atProvider = entry.map(PaymentProvider.Entry::status);
        boolean issued = r.kind() == PaymentKind.CHARGE
                && jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM booking WHERE payment_id = :id")
                                .bind("id", r.id())
                                .mapTo(Long.class)
                                .one())
                        > 0;
        PaymentRecovery.Step step = PaymentRecovery.settle(r.kind(), r.status(), atProvider, issued);
        String ref = entry.map(PaymentProvider.Entry::providerReference).orElse(null);
        switch (step) {
            case CAPTURE -> capture(r);
            case VOID -> voidCharge(r, "the booking was not paid with it (settled after a restart)");
            case RECORD_CAPTURED -> settle(r, PaymentStatus.CAPTURED, ref, null);
            case RECORD_VOIDED -> settle(r, PaymentStatus.VOIDED, ref, "voided (settled after a restart)");
            case RECORD_FAILED -> settle(r, PaymentStatus.FAILED, null, "the provider never reserved it");
            case REFUND_CAPTURED -> {
                settle(r, PaymentStatus.CAPTURED, ref, "taken for a booking not paid with it; refunded");
                String key = "return:" + r.providerKey();
                jdbi.useHandle(
                        h -> recordRefund(h, r.purpose(), key, null, r.requestedOn(), r.bookingId(), r.amount()));
                byKey(key).ifPresent(back -> refund(back, "Lancang returns a charge taken in error"));
            }
            case REFUND -> refund(r, "Lancang refund");
            case RECORD_REFUNDED -> settle(r, PaymentStatus.REFUNDED, ref, null);
            case NOTHING -> {
                return false;
            }
        }
        LOG.info("payment {} of booking {} settled after an interruption: {}", r.id(), r.bookingId(), step);
        return true;
    }

    // ---------------------------------------------------------------- rows

    private Recorded recorded(ResultSet rs) throws SQLException {
        return recorded(rs, currencies);
    }

    private static Recorded recorded(ResultSet rs, Currencies currencies) throws SQLException {
        return new Recorded(
                rs.getLong("id"),
                rs.getString("provider_key"),
                rs.getString("client_key"),
                rs.getString("requested_on"),
                rs.getString("booking_id"),
                PaymentKind.valueOf(rs.getString("kind")),
                PaymentPurpose.valueOf(rs.getString("purpose")),
                PaymentStatus.valueOf(rs.getString("status")),
                new Money(rs.getLong("amount_minor"), currencies.stored(rs.getString("currency"))),
                rs.getString("note"),
                instant(rs, "created_at"),
                false);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return SalesRows.instant(rs, column);
    }
}
