package org.lancang.store.sales;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lancang.money.Currencies;
import org.lancang.money.Money;
import org.lancang.ticketing.payments.PaymentKind;
import org.lancang.ticketing.payments.PaymentStatus;

/**
 * A payment provider that always accepts, for demonstrations and tests, keeping its books as a real one would: every
 * key once, in its own table ({@code simulated_provider_ledger}), written in its own transactions apart from Lancang's
 * bookings. Tests and {@code lancang sales reconcile} read that ledger to hold the bookings against it.
 */
public final class SimulatedPaymentProvider implements PaymentProvider {
    private static final String COLUMNS =
            "key, reference, kind, status, amount_minor, currency, provider_reference," + " created_at, updated_at";

    private final Jdbi jdbi;
    private final Clock clock;
    /** What the ledger's currency codes are read back as. */
    private final Currencies currencies;

    public SimulatedPaymentProvider(Jdbi jdbi, Currencies currencies, Clock clock) {
        this.jdbi = jdbi;
        this.currencies = currencies;
        this.clock = clock;
    }

    @Override
    public Entry authorize(String key, Money amount, String reference, String description) {
        return create(key, PaymentKind.CHARGE, PaymentStatus.AUTHORIZED, amount, reference, description);
    }

    @Override
    public Entry refund(String key, Money amount, String reference, String description) {
        return create(key, PaymentKind.REFUND, PaymentStatus.REFUNDED, amount, reference, description);
    }

    /** A new entry, or the one the key already has if it is the same payment (a retry); refused otherwise. */
    private Entry create(
            String key, PaymentKind kind, PaymentStatus status, Money amount, String reference, String description) {
        return jdbi.inTransaction(h -> {
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            h.createUpdate("INSERT INTO simulated_provider_ledger (" + COLUMNS + ", description) VALUES (:key,"
                            + " :reference, :kind, :status, :amount, :currency, :ref, :now, :now, :description)"
                            + " ON CONFLICT (key) DO NOTHING")
                    .bind("key", key)
                    .bind("reference", reference)
                    .bind("kind", kind.name())
                    .bind("status", status.name())
                    .bind("amount", amount.minor())
                    .bind("currency", amount.currency().code())
                    .bind("ref", "SIM-" + UUID.randomUUID())
                    .bind("now", now)
                    .bind("description", description)
                    .execute();
            Entry entry = find(h, key).orElseThrow();
            if (entry.kind() != kind
                    || !entry.amount().equals(amount)
                    || !entry.reference().equals(reference)) {
                throw new Refused("this idempotency key belongs to another payment");
            }
            return entry;
        });
    }

    @Override
    public Entry capture(String key) {
        return move(key, PaymentStatus.CAPTURED);
    }

    @Override
    public Entry voidCharge(String key) {
        return move(key, PaymentStatus.VOIDED);
    }

    /** A reserved charge taken or released; doing it again is a retry; the other way round is refused. */
    private Entry move(String key, PaymentStatus target) {
        return jdbi.inTransaction(h -> {
            Entry entry = h.createQuery(
                            "SELECT " + COLUMNS + " FROM simulated_provider_ledger WHERE key = :key" + " FOR UPDATE")
                    .bind("key", key)
                    .map((rs, ctx) -> entry(rs))
                    .findOne()
                    .orElseThrow(() -> new Refused("no charge reserved under this key"));
            if (entry.status() == target) {
                return entry;
            }
            if (entry.kind() != PaymentKind.CHARGE || entry.status() != PaymentStatus.AUTHORIZED) {
                throw new Refused("the charge is " + entry.status() + "; it cannot be " + target);
            }
            h.createUpdate("UPDATE simulated_provider_ledger SET status = :s, updated_at = :now WHERE key = :key")
                    .bind("s", target.name())
                    .bind("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .bind("key", key)
                    .execute();
            return find(h, key).orElseThrow();
        });
    }

    @Override
    public Optional<Entry> find(String key) {
        return jdbi.withHandle(h -> find(h, key));
    }

    @Override
    public List<Entry> ledger(Collection<String> references) {
        return jdbi.withHandle(h -> references == null
                ? h.createQuery("SELECT " + COLUMNS + " FROM simulated_provider_ledger ORDER BY created_at, key")
                        .map((rs, ctx) -> entry(rs))
                        .list()
                : h.createQuery("SELECT " + COLUMNS + " FROM simulated_provider_ledger WHERE reference = ANY(:refs)"
                                + " ORDER BY created_at, key")
                        .bind("refs", references.toArray(String[]::new))
                        .map((rs, ctx) -> entry(rs))
                        .list());
    }

    private Optional<Entry> find(Handle h, String key) {
        return h.createQuery("SELECT " + COLUMNS + " FROM simulated_provider_ledger WHERE key = :key")
                .bind("key", key)
                .map((rs, ctx) -> entry(rs))
                .findOne();
    }

    private Entry entry(ResultSet rs) throws SQLException {
        return new Entry(
                rs.getString("key"),
                rs.getString("reference"),
                PaymentKind.valueOf(rs.getString("kind")),
                PaymentStatus.valueOf(rs.getString("status")),
                new Money(rs.getLong("amount_minor"), currencies.stored(rs.getString("currency"))),
                rs.getString("provider_reference"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
