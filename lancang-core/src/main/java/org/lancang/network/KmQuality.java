package org.lancang.network;

/** How a point's kilometre position was obtained (see data/china-laos/README.md). */
public enum KmQuality {
    /** The origin of the chainage. */
    ORIGIN,
    /** Arithmetic on published distances or design chainages (about ±3 km). */
    DERIVED,
    /** Placed from approximate coordinates or between neighbours (±15 km). */
    ESTIMATED
}
