package org.lancang.ticketing.inventory;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Point;
import org.lancang.rollingstock.Seat;

/**
 * The seats of cars {@code crossBorderCars}, and the single seats {@code crossBorderSeats} of a car shared with domestic
 * passengers, sell only journeys that cross the border; every other seat only journeys that stay on one side. The
 * border lies in segment {@code borderSegment}: between stop borderSegment and stop borderSegment + 1.
 * <p>
 * Why split at all: every cross-border passenger leaves the train with luggage for exit control at Mohan and entry
 * control at Boten (and the mirror image northbound), so they are kept in seats of their own that the border police can
 * clear; domestic passengers on either side never mix with them. Since January 2024 a cross-border train sells
 * {@value #CROSS_BORDER_SEATS} seats across the border a day, 50 more than before ([A] Xinhua/China Daily 2024-01-29,
 * via reference china-laos-2026.md): the quota is published, not which seats carry it.
 */
public record CrossBorderSplit(Set<Integer> crossBorderCars, Set<Seat> crossBorderSeats, int borderSegment)
        implements CarRule {
    /** Cross-border seats per train and day since January 2024 (published). */
    public static final int CROSS_BORDER_SEATS = 350;

    /**
     * Lancang's default order in which the CR200J's cars take the cross-border quota: 2, 3, 4, then 6. The reference
     * says 3 cars were for cross-border passengers and 5 domestic at launch ([A] Xinhua 2022-04-10), not which; since
     * 2024 the quota is 350 seats, more than three cars hold. Chosen because:
     * <ul>
     * <li>car 2 is the only first-class car, and first class is sold across the border (the published 760 CNY
     * Kunming South–Vientiane first-class fare, [A] Global Times 2023-04), so it must be a cross-border car;</li>
     * <li>cars 2–4 form one block between the power car (1) and the dining car (5), and car 6 is the next beyond the
     * dining car: the cross-border passengers leave from one end of the train, and the shared car 6 is split by rows,
     * its front rows cross-border;</li>
     * <li>the domestic seats (the rest of car 6 and cars 7–9) serve the busier domestic journeys (Kunming–
     * Xishuangbanna, Vientiane–Luang Prabang). The price: no first class for domestic journeys on these trains.</li>
     * </ul>
     * 56 first- and 294 second-class seats cross the border (cars 2–4 and the first 64 seats of car 6). An assumption:
     * configure per train.
     */
    public static final List<Integer> CR200J_CROSS_BORDER_CARS = List.of(2, 3, 4, 6);

    public CrossBorderSplit {
        crossBorderCars = Set.copyOf(crossBorderCars);
        crossBorderSeats = Set.copyOf(crossBorderSeats);
        if (borderSegment < 0) {
            throw new InvalidInput("borderSegment", "is a segment index, 0 or more");
        }
    }

    /** Whole cars across the border, no shared car. */
    public CrossBorderSplit(Set<Integer> crossBorderCars, int borderSegment) {
        this(crossBorderCars, Set.of(), borderSegment);
    }

    /**
     * A quota of {@code quota} seats across the border: the seats of {@code carsInOrder} taken car by car, in the
     * order given and within a car in seat order, until the quota is reached; the car where it is reached is shared.
     * Cars that hold fewer seats give all they have.
     *
     * @param seats the train type's seats
     */
    public static CrossBorderSplit quota(List<Seat> seats, List<Integer> carsInOrder, int quota, int borderSegment) {
        if (quota < 0) {
            throw new InvalidInput("quota", "must be 0 or more");
        }
        Set<Integer> whole = new HashSet<>();
        Set<Seat> shared = new HashSet<>();
        int left = quota;
        for (int car : carsInOrder) {
            List<Seat> inCar = seats.stream().filter(s -> s.car() == car).toList();
            if (left == 0) {
                break;
            }
            if (left >= inCar.size()) {
                whole.add(car);
                left -= inCar.size();
            } else {
                shared.addAll(inCar.subList(0, left));
                left = 0;
            }
        }
        return new CrossBorderSplit(whole, shared, borderSegment);
    }

    /** The CR200J default: {@value #CROSS_BORDER_SEATS} seats in cars {@link #CR200J_CROSS_BORDER_CARS}. */
    public static CrossBorderSplit cr200j(List<Seat> seats, int borderSegment) {
        return quota(seats, CR200J_CROSS_BORDER_CARS, CROSS_BORDER_SEATS, borderSegment);
    }

    /** The segment in which a run with these stops crosses from one country to the other, if it does. */
    public static OptionalInt borderSegment(List<Point> stops) {
        for (int i = 0; i + 1 < stops.size(); i++) {
            if (!stops.get(i).country().equals(stops.get(i + 1).country())) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    public boolean crossesBorder(int from, int to) {
        return from <= borderSegment && to > borderSegment;
    }

    /** Whether the seat is set aside for journeys across the border. */
    public boolean crossBorder(Seat seat) {
        return crossBorderCars.contains(seat.car()) || crossBorderSeats.contains(seat);
    }

    /** The car's answer when the whole car is on one side of the split (a shared car sells by seat). */
    @Override
    public boolean sells(int car, int from, int to) {
        return crossBorderCars.contains(car) == crossesBorder(from, to);
    }

    @Override
    public boolean sells(Seat seat, int from, int to) {
        return crossBorder(seat) == crossesBorder(from, to);
    }
}
