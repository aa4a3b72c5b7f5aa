package org.lancang.ticketing.inventory;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Point;

/**
 * Cars {@code crossBorderCars} sell only journeys that cross the border, all other cars only journeys that stay on one
 * side. The border lies in segment {@code borderSegment}: between stop borderSegment and stop borderSegment + 1.
 * <p>
 * Why split at all: every cross-border passenger leaves the train with luggage for exit control at Mohan and entry
 * control at Boten (and the mirror image northbound), so they are kept in cars of their own that the border police can
 * clear and seal; domestic passengers on either side never mix with them.
 */
public record CrossBorderSplit(Set<Integer> crossBorderCars, int borderSegment) implements CarRule {
    /**
     * Lancang's default for the CR200J on D887/D888: cars 2, 3 and 4. The reference says 3 cars were for cross-border
     * passengers and 5 domestic at launch ([A] Xinhua 2022-04-10), not which. Chosen because:
     * <ul>
     * <li>car 2 is the only first-class car, and first class is sold across the border (the published 760 CNY
     * Kunming South–Vientiane first-class fare, [A] Global Times 2023-04), so it must be a cross-border car;</li>
     * <li>cars 2–4 form one block between the power car (1) and the dining car (5): the dining car is the natural
     * boundary the border police close, and all cross-border passengers leave from one end of the train;</li>
     * <li>the domestic cars 5–9 (dining car and 434 second-class seats) keep most of the seats for the busier
     * domestic journeys (Kunming–Xishuangbanna, Vientiane–Luang Prabang). The price: no first class for domestic
     * journeys on these two trains.</li>
     * </ul>
     * 56 first- and 230 second-class seats cross the border. An assumption: configure per train.
     */
    public static final Set<Integer> CR200J_CROSS_BORDER_CARS = Set.of(2, 3, 4);

    public CrossBorderSplit {
        crossBorderCars = Set.copyOf(crossBorderCars);
        if (borderSegment < 0) {
            throw new InvalidInput("borderSegment", "is a segment index, 0 or more");
        }
    }

    /** The CR200J default ({@link #CR200J_CROSS_BORDER_CARS}) for a run whose border lies in {@code borderSegment}. */
    public static CrossBorderSplit cr200j(int borderSegment) {
        return new CrossBorderSplit(CR200J_CROSS_BORDER_CARS, borderSegment);
    }

    /** The segment in which a run with these stops crosses from one country to the other, if it does. */
    public static OptionalInt borderSegment(List<Point> stops) {
        for (int i = 0; i + 1 < stops.size(); i++) {
            if (stops.get(i).country() != stops.get(i + 1).country()) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    public boolean crossesBorder(int from, int to) {
        return from <= borderSegment && to > borderSegment;
    }

    @Override
    public boolean sells(int car, int from, int to) {
        return crossBorderCars.contains(car) == crossesBorder(from, to);
    }
}
