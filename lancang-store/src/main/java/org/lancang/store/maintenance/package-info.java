/**
 * Maintenance as the platform keeps it: the asset register, inspections, defects with their photos and speed
 * restrictions, work orders and skylight windows, in PostgreSQL, with an immutable snapshot in memory that the
 * timetable reads. {@link org.lancang.store.maintenance.MaintenanceService} checks each change with the core's rules,
 * writes it in one transaction and only then swaps the snapshot and tells the timetable; {@link
 * org.lancang.store.maintenance.RestrictionImpact} reports what a restriction does to a day: which trains arrive
 * later, by how much, and which conflicts appear or go.
 */
package org.lancang.store.maintenance;
