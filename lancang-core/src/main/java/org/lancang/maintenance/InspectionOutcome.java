package org.lancang.maintenance;

/** What an inspection found; either way the asset counts as inspected on that date. */
public enum InspectionOutcome {
    OK,
    DEFECTS_FOUND
}
