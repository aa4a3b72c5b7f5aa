package org.lancang.maintenance;

/**
 * A skylight plan that can run but breaks a rule of {@link MaintenanceRules}: the planner may accept it knowingly.
 *
 * @param subject the window id (for {@link Code#SHORTER_THAN_RULE}) or the section, e.g. {@code GLB-GMA} (for
 *                {@link Code#TOO_FEW_PER_MONTH})
 * @param field   the field the warning is about ({@code duration}, {@code days})
 */
public record SkylightWarning(Code code, String subject, String field, String message) {
    public enum Code {
        /** Shorter than the minimum for its purpose and track. */
        SHORTER_THAN_RULE,
        /** A section gets fewer skylights in the month than the minimum. */
        TOO_FEW_PER_MONTH
    }
}
