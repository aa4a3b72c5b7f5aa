package org.lancang.customs;

import java.util.EnumSet;
import java.util.Set;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;

/**
 * Where a consignment stands with the customs of its crossing. The railway submits the advance data ({@link #SUBMITTED});
 * customs decide the rest. {@link #RELEASED} is final: a train may cross only when all its consignments are there.
 */
public enum ReleaseState {
    /** The consignment is booked; its advance data has not been sent. */
    DRAFT,
    /** The railway has sent the advance data. */
    SUBMITTED,
    /** Customs have accepted the declaration for processing. */
    ACCEPTED,
    /** Customs will inspect the goods before release. */
    SELECTED_FOR_INSPECTION,
    /** Customs let it go: the train may take it across. */
    RELEASED,
    /** Customs hold it, with a reason. */
    HELD;

    /** What customs may decide (the rest is the railway's). */
    public static final Set<ReleaseState> DECISIONS = EnumSet.of(ACCEPTED, SELECTED_FOR_INSPECTION, RELEASED, HELD);

    /** The states a consignment in this state may move to. */
    public Set<ReleaseState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(ACCEPTED, SELECTED_FOR_INSPECTION, RELEASED, HELD);
            case ACCEPTED -> EnumSet.of(SELECTED_FOR_INSPECTION, RELEASED, HELD);
            case SELECTED_FOR_INSPECTION -> EnumSet.of(RELEASED, HELD);
            case HELD -> EnumSet.of(ACCEPTED, SELECTED_FOR_INSPECTION, RELEASED);
            case RELEASED -> EnumSet.noneOf(ReleaseState.class);
        };
    }

    /**
     * Checks a customs decision from this state: {@code to} must be a decision, allowed from here, and a hold must say
     * why. Field names are the request's ({@code state}, {@code reason}) with {@code prefix}.
     */
    public ReleaseState decide(ReleaseState to, String reason, String prefix) {
        if (to == null || !DECISIONS.contains(to)) {
            throw new InvalidInput(prefix + "state", "must be one of " + DECISIONS);
        }
        if (to == HELD && (reason == null || reason.isBlank())) {
            throw new InvalidInput(prefix + "reason", "is required when holding a consignment");
        }
        if (this == RELEASED) {
            throw new Clash(
                    prefix + "state", "the consignment is released already: a release is final", "release-final");
        }
        if (!next().contains(to)) {
            throw new Clash(
                    prefix + "state",
                    "a consignment " + this + " cannot become " + to + " (it may become " + next() + ")",
                    "release-order");
        }
        return to;
    }
}
