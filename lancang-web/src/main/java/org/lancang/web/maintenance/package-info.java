/**
 * Maintenance over HTTP: the asset register, inspections and what is due, defects with photos and speed restrictions
 * (and their impact on the day's trains), work orders through their states, skylight windows and their review.
 * Everyone who runs the line reads it; maintainers change it; planners plan windows. The answers are {@link
 * org.lancang.web.maintenance.MaintenanceViews}, records of this layer rather than the core's.
 */
package org.lancang.web.maintenance;
