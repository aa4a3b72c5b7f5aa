package org.lancang.maintenance;

/** OPEN until a work order for it is VERIFIED, then CLOSED. A closed defect's restriction is not lifted by closing. */
public enum DefectStatus {
    OPEN,
    CLOSED
}
