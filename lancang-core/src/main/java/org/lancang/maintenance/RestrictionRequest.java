package org.lancang.maintenance;

import java.time.Instant;

/**
 * The temporary speed restriction a reporter asks for with a defect, as sent; {@link Defects#report} checks it.
 *
 * @param speedKmh  must be above 0 and below the line speed of every section the range touches
 * @param validFrom when it comes into force
 * @param validTo   when it ends (after validFrom); it can be lifted earlier
 */
public record RestrictionRequest(double fromKm, double toKm, int speedKmh, Instant validFrom, Instant validTo) {}
