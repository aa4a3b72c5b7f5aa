package org.lancang.network;

/** How trains are kept apart on a section. */
public enum BlockType {
    /** Automatic block: the section is divided into block sections; following trains keep a headway. */
    AUTOMATIC,
    /** Inter-station block: one train at a time between two adjacent stations, in either direction. */
    INTER_STATION
}
