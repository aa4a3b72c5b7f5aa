package org.lancang.runtime;

/**
 * A train cannot start, or stalls, on a gradient too steep for its traction: where along the path (metres from its
 * start) and the gradient there, so that a caller can say it in the terms of its own line (a km, two stations).
 */
public final class TooSteepForTraction extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final double positionM;
    private final double gradientPermille;

    TooSteepForTraction(String message, double positionM, double gradientPermille) {
        super(message);
        this.positionM = positionM;
        this.gradientPermille = gradientPermille;
    }

    /** Where the head of the train is, in metres from the start of the path. */
    public double positionM() {
        return positionM;
    }

    /** The gradient averaged over the train's length there, in per mille (rising positive). */
    public double gradientPermille() {
        return gradientPermille;
    }
}
