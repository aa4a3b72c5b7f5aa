package org.lancang.maintenance;

/** How urgent a defect is, from LOW (watch it) to CRITICAL (act now, usually with a speed restriction). */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
