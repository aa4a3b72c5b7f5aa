package org.lancang.maintenance;

/** What kind of thing an asset is; each kind has its own inspection interval. */
public enum AssetType {
    /** The track of a section between two points (all its main tracks). */
    TRACK,
    TUNNEL,
    BRIDGE,
    /** A station or passing loop: its platforms, station tracks and buildings (turnouts are separate assets). */
    STATION,
    TURNOUT,
    /** The 25 kV overhead contact line of a section. */
    OVERHEAD_LINE
}
