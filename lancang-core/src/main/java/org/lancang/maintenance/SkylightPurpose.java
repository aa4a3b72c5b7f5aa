package org.lancang.maintenance;

/** What a skylight is for; construction needs longer windows than routine maintenance. */
public enum SkylightPurpose {
    CONSTRUCTION,
    MAINTENANCE
}
