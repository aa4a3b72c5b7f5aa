package org.lancang.ticketing.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lancang.ticketing.inventory.AllocationPolicy.BEST_FIT;
import static org.lancang.ticketing.inventory.AllocationPolicy.FIRST_FIT;
import static org.lancang.ticketing.inventory.D887.SEATS;
import static org.lancang.ticketing.inventory.D887.stop;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.rollingstock.Seat;
import org.lancang.rollingstock.SeatClass;
import org.lancang.rollingstock.SeatPosition;

/** The seat inventory of a D887 run (the CR200J's 720 seats, 10 selling points). */
class SeatInventoryTest {
    private static final int KMS = stop("KMS");
    private static final int PUE = stop("PUE");
    private static final int XSB = stop("XSB");
    private static final int MHN = stop("MHN");
    private static final int BTN = stop("BTN");
    private static final int LPB = stop("LPB");
    private static final int VTE = stop("VTE");

    @Test
    void anEmptyRunOffersEverySeatItsCarsMaySell() {
        SeatInventory open = D887.anyCar(BEST_FIT);
        assertThat(open.availability(KMS, VTE, SeatClass.FIRST)).isEqualTo(56);
        assertThat(open.availability(KMS, VTE, SeatClass.SECOND)).isEqualTo(664);
        assertThat(open.availability(KMS, VTE, SeatClass.HARD_SEAT))
                .as("the CR200J has none")
                .isZero();

        SeatInventory split = D887.split(BEST_FIT);
        assertThat(D887.BORDER_SEGMENT).as("Mohan → Boten").isEqualTo(MHN);
        assertThat(split.availability(KMS, VTE, SeatClass.FIRST))
                .as("car 2 crosses the border")
                .isEqualTo(56);
        assertThat(split.availability(KMS, VTE, SeatClass.SECOND))
                .as("cars 3 and 4 and the first 64 seats of car 6")
                .isEqualTo(230 + 64);
        assertThat(split.availability(KMS, VTE, SeatClass.FIRST) + split.availability(KMS, VTE, SeatClass.SECOND))
                .as("the published quota: 350 seats a day across the border since January 2024")
                .isEqualTo(CrossBorderSplit.CROSS_BORDER_SEATS)
                .isEqualTo(350);
        assertThat(split.availability(KMS, XSB, SeatClass.SECOND))
                .as("the rest of car 6 and cars 7–9")
                .isEqualTo(115 - 64 + 115 * 2 + 89);
        assertThat(split.availability(BTN, VTE, SeatClass.SECOND)).isEqualTo(720 - 350);
        assertThat(split.availability(LPB, VTE, SeatClass.FIRST))
                .as("no domestic first class")
                .isZero();
    }

    @Test
    void aSaleTakesTheSeatOnItsSegmentsOnly() {
        SeatInventory inv = D887.anyCar(BEST_FIT);
        Allocation a =
                inv.allocate(KMS, PUE, SeatClass.SECOND, SeatPreference.ANY, 1).orElseThrow();
        int seat = a.seatIndices().get(0);
        assertThat(a.seats().get(0)).isEqualTo(SEATS.get(seat));
        assertThat(a.from()).isEqualTo(KMS);
        assertThat(inv.heldSegments(seat)).isEqualTo(0b11);
        assertThat(inv.isFree(seat, KMS, PUE)).isFalse();
        assertThat(inv.isFree(seat, KMS + 1, PUE + 1)).isFalse();
        assertThat(inv.isFree(seat, PUE, VTE)).isTrue();
        assertThat(inv.availability(KMS, VTE, SeatClass.SECOND)).isEqualTo(663);
        assertThat(inv.availability(PUE, VTE, SeatClass.SECOND)).isEqualTo(664);
        inv.release(a);
        assertThat(inv.heldSegments(seat)).isZero();
        assertThat(inv.availability(KMS, VTE, SeatClass.SECOND)).isEqualTo(664);
        inv.audit();
    }

    @Test
    void bestFitPutsAJourneyIntoTheGapThatFitsItFirstFitTakesTheLowestSeat() {
        for (AllocationPolicy policy : List.of(BEST_FIT, FIRST_FIT)) {
            SeatInventory inv = D887.anyCar(policy);
            int shortSale = sell(inv, KMS, PUE); // seat 0 of second class: free again from Pu'er
            int longerSale = sell(inv, KMS, MHN); // the next seat: free again from Mohan
            int tail = sell(inv, MHN, VTE);
            if (policy == BEST_FIT) {
                assertThat(tail)
                        .as("best fit: Mohan–Vientiane exactly fills the seat sold Kunming–Mohan")
                        .isEqualTo(longerSale);
            } else {
                assertThat(tail)
                        .as("first fit: the lowest seat free for it, leaving Pu'er–Mohan stranded")
                        .isEqualTo(shortSale);
            }
        }
    }

    private static int sell(SeatInventory inv, int from, int to) {
        return inv.allocate(from, to, SeatClass.SECOND, SeatPreference.ANY, 1)
                .orElseThrow()
                .seatIndices()
                .get(0);
    }

    @Test
    void windowAisleAndCarPreferencesAreMet() {
        SeatInventory inv = D887.anyCar(FIRST_FIT);
        Seat window = one(inv, SeatClass.SECOND, SeatPreference.window());
        assertThat(window.position()).isEqualTo(SeatPosition.WINDOW);
        Seat aisleIn6 = one(inv, SeatClass.SECOND, new SeatPreference(SeatPosition.AISLE, 6));
        assertThat(aisleIn6.position()).isEqualTo(SeatPosition.AISLE);
        assertThat(aisleIn6.car()).isEqualTo(6);
        assertThat(one(inv, SeatClass.SECOND, SeatPreference.inCar(9)).car()).isEqualTo(9);
    }

    @Test
    void aPreferenceThatCannotBeMetGivesUpThePositionBeforeTheCar() {
        SeatInventory inv = D887.anyCar(BEST_FIT);
        SeatPreference windowInCar2 = new SeatPreference(SeatPosition.WINDOW, 2);
        for (int i = 0; i < 28; i++) { // car 2: 14 rows of A C | D F, A and F by the window
            assertThat(one(inv, SeatClass.FIRST, windowInCar2).position()).isEqualTo(SeatPosition.WINDOW);
        }
        Seat next = one(inv, SeatClass.FIRST, windowInCar2);
        assertThat(next.car()).isEqualTo(2);
        assertThat(next.position()).isEqualTo(SeatPosition.AISLE);
        Seat secondInCar2 = one(inv, SeatClass.SECOND, SeatPreference.inCar(2));
        assertThat(secondInCar2.car())
                .as("car 2 has no second class: the car is given up")
                .isNotEqualTo(2);
    }

    private static Seat one(SeatInventory inv, SeatClass cls, SeatPreference preference) {
        return inv.allocate(KMS, VTE, cls, preference, 1).orElseThrow().seats().get(0);
    }

    @Test
    void aGroupOfFiveSitsInOneRowOfThreePlusTwo() {
        SeatInventory inv = D887.anyCar(BEST_FIT);
        one(inv, SeatClass.SECOND, SeatPreference.ANY); // 01A of car 3 taken: row 1 no longer seats five
        Allocation group =
                inv.allocate(PUE, LPB, SeatClass.SECOND, SeatPreference.ANY, 5).orElseThrow();
        assertSeatedTogether(group);
        assertThat(group.seats()).extracting(Seat::number).containsExactly("01B", "01C", "01D", "01F", "02A");
    }

    @Test
    void aGroupSitsTogetherInThePreferredCar() {
        SeatInventory inv = D887.split(BEST_FIT);
        Allocation group = inv.allocate(BTN, VTE, SeatClass.SECOND, SeatPreference.inCar(8), 3)
                .orElseThrow();
        assertSeatedTogether(group);
        assertThat(group.seats()).allSatisfy(s -> assertThat(s.car()).isEqualTo(8));
    }

    @Test
    void aGroupThatCannotSitTogetherIsSpreadOverOneCar() {
        SeatInventory inv = D887.anyCar(BEST_FIT);
        for (int seat = 0; seat < 56; seat += 2) { // every other first-class seat sold for the whole run
            assertThat(inv.claim(seat, KMS, VTE)).isTrue();
        }
        Allocation group =
                inv.allocate(KMS, VTE, SeatClass.FIRST, SeatPreference.ANY, 4).orElseThrow();
        assertThat(group.seatIndices()).allSatisfy(i -> assertThat(i % 2).isOne());
        assertThat(new HashSet<>(group.seats().stream().map(Seat::car).toList()))
                .containsExactly(2);
    }

    private static void assertSeatedTogether(Allocation group) {
        Set<Integer> cars = new HashSet<>();
        for (Seat s : group.seats()) {
            cars.add(s.car());
        }
        assertThat(cars).hasSize(1);
        List<Integer> idx = group.seatIndices();
        assertThat(idx.get(idx.size() - 1) - idx.get(0))
                .as("consecutive seat numbers")
                .isEqualTo(idx.size() - 1);
        int firstRow = Integer.parseInt(group.seats().get(0).number().substring(0, 2));
        int lastRow =
                Integer.parseInt(group.seats().get(idx.size() - 1).number().substring(0, 2));
        assertThat(lastRow - firstRow).as("same or consecutive rows").isBetween(0, 1);
    }

    @Test
    void whenTooFewSeatsAreLeftNothingIsTaken() {
        SeatInventory inv = D887.split(BEST_FIT);
        for (int i = 0; i < 55; i++) {
            one(inv, SeatClass.FIRST, SeatPreference.ANY);
        }
        assertThat(inv.allocate(KMS, VTE, SeatClass.FIRST, SeatPreference.ANY, 2))
                .isEmpty();
        assertThat(inv.availability(KMS, VTE, SeatClass.FIRST)).isOne();
        one(inv, SeatClass.FIRST, SeatPreference.ANY);
        assertThat(inv.allocate(KMS, VTE, SeatClass.FIRST, SeatPreference.ANY, 1))
                .isEmpty();
        assertThat(inv.allocate(KMS, XSB, SeatClass.FIRST, SeatPreference.ANY, 1))
                .as("domestic: no first class")
                .isEmpty();
    }

    @Test
    void crossBorderCarsSellOnlyJourneysAcrossTheBorder() {
        SeatInventory inv = D887.split(FIRST_FIT);
        assertThat(one(inv, SeatClass.SECOND, SeatPreference.ANY).car()).isIn(3, 4);
        assertThat(inv.allocate(KMS, MHN, SeatClass.SECOND, SeatPreference.ANY, 1)
                        .orElseThrow()
                        .seats()
                        .get(0)
                        .car())
                .isIn(6, 7, 8, 9);
        assertThat(inv.allocate(MHN, BTN, SeatClass.SECOND, SeatPreference.ANY, 1)
                        .orElseThrow()
                        .seats()
                        .get(0)
                        .car())
                .as("Mohan–Boten crosses")
                .isIn(3, 4);
        assertThat(inv.allocate(BTN, VTE, SeatClass.SECOND, SeatPreference.inCar(3), 1)
                        .orElseThrow()
                        .seats()
                        .get(0)
                        .car())
                .as("a domestic journey cannot have car 3, whatever it prefers")
                .isIn(6, 7, 8, 9);
    }

    @Test
    void theSharedCarIsSplitByRowsFrontRowsAcrossTheBorder() {
        long crossingInCar6 = D887.SEATS.stream()
                .filter(seat -> seat.car() == 6 && D887.SPLIT.crossBorder(seat))
                .count();
        assertThat(crossingInCar6).isEqualTo(64);
        assertThat(D887.SPLIT.crossBorder(new Seat(6, "01A", SeatClass.SECOND, SeatPosition.WINDOW)))
                .isTrue();
        assertThat(D887.SPLIT.crossBorder(new Seat(6, "23F", SeatClass.SECOND, SeatPosition.WINDOW)))
                .isFalse();
        SeatInventory inv = D887.split(FIRST_FIT);
        assertThat(inv.allocate(KMS, XSB, SeatClass.SECOND, SeatPreference.inCar(6), 1)
                        .orElseThrow()
                        .seats()
                        .get(0)
                        .number())
                .as("the first domestic seat of car 6 comes after the 64 cross-border ones")
                .isEqualTo("13F");
    }

    @Test
    void aClaimRebuildsASaleAndFailsOnATakenSeat() {
        SeatInventory inv = D887.split(BEST_FIT);
        assertThat(inv.claim(100, KMS, XSB)).isTrue();
        assertThat(inv.claim(100, PUE, MHN))
                .as("overlaps at Pu'er–Xishuangbanna")
                .isFalse();
        assertThat(inv.heldSegments(100)).isEqualTo(0b111);
        assertThat(inv.claim(100, XSB, VTE)).isTrue();
        assertThat(inv.claim(0, KMS, VTE))
                .as("car 2 is cross-border, and a claim ignores the car rule anyway")
                .isTrue();
    }

    @Test
    void releasingWhatIsNotHeldIsAConflict() {
        SeatInventory inv = D887.anyCar(BEST_FIT);
        inv.claim(7, KMS, PUE);
        assertThatThrownBy(() -> inv.release(7, KMS, XSB)).isInstanceOf(Clash.class);
        assertThat(inv.heldSegments(7)).as("nothing changed").isEqualTo(0b11);
    }

    @Test
    void badRequestsNameTheirField() {
        SeatInventory inv = D887.anyCar(BEST_FIT);
        assertThatThrownBy(() -> inv.availability(VTE, KMS, SeatClass.SECOND))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> inv.availability(KMS, 10, SeatClass.SECOND)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> inv.allocate(KMS, VTE, SeatClass.SECOND, SeatPreference.ANY, 6))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("count"));
        assertThatThrownBy(() -> inv.allocate(KMS, VTE, SeatClass.SECOND, SeatPreference.inCar(12), 1))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("car"));
        assertThatThrownBy(() -> inv.claim(720, KMS, VTE))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("seat"));
        assertThatThrownBy(() -> new SeatInventory(SEATS, 65, CarRule.anyCar()))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("stops"));
    }

    @Test
    void aRunOf63SegmentsUsesTheWholeMask() {
        SeatInventory inv = new SeatInventory(SEATS, 64, CarRule.anyCar());
        Allocation all =
                inv.allocate(0, 63, SeatClass.FIRST, SeatPreference.ANY, 1).orElseThrow();
        assertThat(inv.heldSegments(all.seatIndices().get(0))).isEqualTo(Long.MAX_VALUE);
        Allocation last =
                inv.allocate(62, 63, SeatClass.FIRST, SeatPreference.ANY, 1).orElseThrow();
        assertThat(inv.heldSegments(last.seatIndices().get(0))).isEqualTo(1L << 62);
        assertThat(inv.availability(0, 63, SeatClass.FIRST)).isEqualTo(54);
        inv.audit();
    }
}
