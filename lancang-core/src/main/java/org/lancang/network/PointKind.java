package org.lancang.network;

/** What a point on the line is for. */
public enum PointKind {
    /** A station where passenger trains call; it can also pass and cross trains. */
    PASSENGER,
    /** A crossing station: a loop beside the main track where trains wait to meet or be overtaken. */
    PASSING_LOOP,
    /** A freight station or yard. */
    FREIGHT,
    /** The state border (inside the Friendship Tunnel): a timing point, no train stops there. */
    BORDER
}
