package org.lancang.operations;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the earlier events of one batch have done, while its later events are checked: each run's last node and time
 * as if the earlier events were already recorded, and the time of each key already in the batch (a repeat inside a
 * batch is a duplicate too, if it gives the same time).
 */
public final class EventBatch {
    final Map<String, long[]> lastByRun = new HashMap<>();
    final Map<String, Instant> atByKey = new HashMap<>();
}
