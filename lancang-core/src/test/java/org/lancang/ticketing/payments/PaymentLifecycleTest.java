package org.lancang.ticketing.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.ticketing.payments.PaymentKind.CHARGE;
import static org.lancang.ticketing.payments.PaymentKind.REFUND;
import static org.lancang.ticketing.payments.PaymentStatus.AUTHORIZED;
import static org.lancang.ticketing.payments.PaymentStatus.CAPTURED;
import static org.lancang.ticketing.payments.PaymentStatus.FAILED;
import static org.lancang.ticketing.payments.PaymentStatus.PENDING;
import static org.lancang.ticketing.payments.PaymentStatus.REFUNDED;
import static org.lancang.ticketing.payments.PaymentStatus.VOIDED;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lancang.ticketing.payments.PaymentRecovery.Step;

/** A payment's lifecycle, and how one left unsettled by a crash is settled from the provider's ledger. */
class PaymentLifecycleTest {
    @Test
    void aChargeIsReservedThenCapturedOrVoidedAndARefundIsOnlyEverMade() {
        assertThat(PENDING.next(CHARGE)).containsExactlyInAnyOrder(AUTHORIZED, FAILED);
        assertThat(AUTHORIZED.next(CHARGE)).containsExactlyInAnyOrder(CAPTURED, VOIDED);
        assertThat(CAPTURED.canMoveTo(CHARGE, VOIDED))
                .as("money taken is given back by a refund, not a void")
                .isFalse();
        assertThat(PENDING.canMoveTo(CHARGE, CAPTURED))
                .as("nothing is captured before it is reserved")
                .isFalse();
        assertThat(PENDING.leadsTo(CHARGE, VOIDED)).as("through AUTHORIZED").isTrue();
        assertThat(VOIDED.leadsTo(CHARGE, CAPTURED)).isFalse();
        assertThat(PENDING.next(REFUND)).containsExactly(REFUNDED);
        assertThat(PENDING.canMoveTo(REFUND, FAILED))
                .as("a refund owed never fails for good")
                .isFalse();
        for (PaymentStatus s : new PaymentStatus[] {CAPTURED, VOIDED, FAILED}) {
            assertThat(s.settled(CHARGE)).isTrue();
        }
        assertThat(AUTHORIZED.settled(CHARGE)).isFalse();
        assertThat(REFUNDED.settled(REFUND)).isTrue();
        assertThat(PENDING.settled(REFUND)).isFalse();
    }

    @Test
    void aReservationIsCapturedOnlyForTheTicketIssuedWithItAndVoidedOtherwise() {
        assertThat(PaymentRecovery.settle(CHARGE, PENDING, Optional.of(AUTHORIZED), true))
                .isEqualTo(Step.CAPTURE);
        assertThat(PaymentRecovery.settle(CHARGE, AUTHORIZED, Optional.of(AUTHORIZED), false))
                .isEqualTo(Step.VOID);
        assertThat(PaymentRecovery.settle(CHARGE, PENDING, Optional.empty(), false))
                .isEqualTo(Step.RECORD_FAILED);
        assertThat(PaymentRecovery.settle(CHARGE, AUTHORIZED, Optional.of(CAPTURED), true))
                .isEqualTo(Step.RECORD_CAPTURED);
        assertThat(PaymentRecovery.settle(CHARGE, AUTHORIZED, Optional.of(CAPTURED), false))
                .as("money taken without a ticket goes back")
                .isEqualTo(Step.REFUND_CAPTURED);
        assertThat(PaymentRecovery.settle(CHARGE, AUTHORIZED, Optional.of(VOIDED), false))
                .isEqualTo(Step.RECORD_VOIDED);
        assertThat(PaymentRecovery.settle(CHARGE, CAPTURED, Optional.of(CAPTURED), true))
                .isEqualTo(Step.NOTHING);
    }

    @Test
    void aRefundOwedIsAskedForAgainUntilTheProviderHasIt() {
        assertThat(PaymentRecovery.settle(REFUND, PENDING, Optional.empty(), false))
                .isEqualTo(Step.REFUND);
        assertThat(PaymentRecovery.settle(REFUND, PENDING, Optional.of(REFUNDED), false))
                .isEqualTo(Step.RECORD_REFUNDED);
        assertThat(PaymentRecovery.settle(REFUND, REFUNDED, Optional.of(REFUNDED), false))
                .isEqualTo(Step.NOTHING);
    }
}
