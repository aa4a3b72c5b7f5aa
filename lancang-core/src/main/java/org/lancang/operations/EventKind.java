package org.lancang.operations;

/** What a timing point reports about a train: it arrived, it departed, or it passed without stopping. */
public enum EventKind {
    ARRIVAL,
    DEPARTURE,
    PASS
}
