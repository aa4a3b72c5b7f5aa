package org.lancang.maintenance;

/** Which tracks a skylight closes. */
public enum SkylightKind {
    /** "Vertical" skylight: both directions of a double line, or the whole single line. */
    VERTICAL,
    /** "V-shaped" skylight: one track of a double line, the other stays open; impossible on single track. */
    ONE_TRACK
}
