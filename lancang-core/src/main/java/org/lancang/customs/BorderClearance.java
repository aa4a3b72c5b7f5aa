package org.lancang.customs;

import java.util.List;
import org.lancang.errors.Clash;

/**
 * Customs at every border a consignment crosses: its legs (a through consignment rides one train per network) may
 * cross several borders, and each border's customs need their own declaration before the consignment reaches that
 * border and their own release before it passes. Which borders these are comes from the networks' borders, never from
 * a name in code.
 */
public final class BorderClearance {
    private BorderClearance() {}

    /**
     * Where a consignment stands at one border on its way: the crossing (border, control station, country), the train
     * that takes it across, and the state of its declaration there (DRAFT: none sent).
     */
    public record AtBorder(Crossing crossing, String train, ReleaseState state) {
        public AtBorder {
            state = state == null ? ReleaseState.DRAFT : state;
        }

        /** Whether the railway has sent this border's customs the consignment's data. */
        public boolean declared() {
            return state != ReleaseState.DRAFT;
        }

        /** The border in words: its point, the two countries and the control station where this customs decide. */
        public String describe() {
            var b = crossing.border();
            return b.point().code() + " (" + b.before().code() + "–" + b.after().code() + ", "
                    + crossing.country().code() + " customs at "
                    + crossing.control().code() + ")";
        }
    }

    /**
     * Refuses, naming the border, a consignment that would go on without what its borders need: every border in
     * {@code passed} (crossed already, in travel order) released, and every border in {@code ahead} (the legs it is
     * about to be loaded for) declared. The first border lacking it is named; {@code field} is the request's.
     */
    public static void check(String consignment, List<AtBorder> passed, List<AtBorder> ahead, String field) {
        for (AtBorder b : passed) {
            if (b.state() != ReleaseState.RELEASED) {
                throw new Clash(
                        field,
                        "border " + b.describe() + ": consignment " + consignment + " is " + b.state()
                                + " there, not released, so it may not go on",
                        "customs-not-released");
            }
        }
        for (AtBorder b : ahead) {
            if (!b.declared()) {
                throw new Clash(
                        field,
                        "border " + b.describe() + ": consignment " + consignment + " has no declaration there:"
                                + " send the advance data of " + b.train() + " first (POST /api/freight/manifests/"
                                + b.train() + "/submit)",
                        "customs-declaration-missing");
            }
        }
    }
}
