/**
 * Freight for shippers (issue 17): the rules that decide a shipper's request, with no I/O.
 *
 * <p>A <em>slot</em> ({@link org.lancang.freight.Slot}) is room on a freight path published ahead: the branded
 * Lancang–Mekong Express runs and the regular freight paths, bookable per date until a cut-off. An <em>ad-hoc
 * request</em> ({@link org.lancang.freight.PathAsk}) asks for a path of its own; {@link
 * org.lancang.freight.FreightPaths} answers it with the timetable's path insertion and judges the path as a freight
 * train needs it (<em>useful length</em> of the tracks where it starts, ends and waits; the <em>ruling gradient</em>
 * for its mass; the border technical stop at each border control station), or names the <em>binding constraint</em>
 * and offers the earliest feasible alternative.
 *
 * <p>Equipment comes from <em>pools</em> ({@link org.lancang.freight.Pools}) of boxes (20', 40', 40' high-cube,
 * reefer; counted in TEU) and wagons (flat, covered, open, tank) per station and owner. The <em>consignment note</em>
 * ({@link org.lancang.freight.ConsignmentNote}) carries the SMGS fields; its codes are checked ({@link
 * org.lancang.freight.ContainerNumber} ISO 6346, {@link org.lancang.freight.WagonNumber} UIC, {@link
 * org.lancang.freight.GoodsCodes} HS and UN). {@link org.lancang.freight.Tariffs} quote each carrier's section in its
 * currency and the through total in CNY, LAK and USD.
 *
 * <p>The lifecycle (requests approved into the day's plan, bookings, the note kept) is run by lancang-store's {@code
 * freight} package; customs, the border interlock and tracking (issue 18) build on the booking and the note.
 */
package org.lancang.freight;
