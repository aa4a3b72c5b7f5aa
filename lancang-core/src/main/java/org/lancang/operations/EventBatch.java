package org.lancang.operations;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the earlier events of one batch have done, while its later events are checked: each run's last node and time
 * as if the earlier events were already recorded, and the keys already in the batch (a repeat inside a batch is a
 * duplicate too).
 */
public final class EventBatch {
    final Map<String, long[]> lastByRun = new HashMap<>();
    final Set<String> keys = new HashSet<>();
}
