/**
 * Passenger sales: the booking lifecycle. A <em>journey</em> is a train run between two of its stops in a seat class.
 * A <em>hold</em> takes seats for one to five passengers for 15 minutes; <em>paying</em> makes the booking TICKETED,
 * with a ticket number per passenger; <em>cancelling</em> gives the seats back with a refund less a fee; a
 * <em>change</em> moves a ticket to another train, date or class as one exchange; an unpaid hold <em>expires</em>.
 * When a class is sold out, a passenger may join the <em>waitlist</em>, and seats given back are offered to it in turn
 * as a hold. A <em>journey across two networks</em> ties a booking on each, held, paid (one charge) and cancelled
 * together ({@code JourneyBookings}, docs/adr/0034); one leg of a paid journey is changed by the same exchange as a
 * ticket, bound to its journey (the connection checked again, the journey moved to the new leg in one transaction).
 *
 * <p>Each run on sale has its seat inventory in memory ({@link org.lancang.store.sales.RunsInMemory}, rebuilt from the
 * live bookings the first time it is needed) and is changed by one writer at a time under its lock; every change is
 * committed through the group commit before it is acknowledged (docs/adr/0003). The rows a booking writes carry no
 * foreign keys, on purpose (docs/adr/0004). {@link org.lancang.store.sales.SalesService} is the entry point; {@code
 * SeatDesk} takes and gives back seats, {@code Exchanges} does changes, {@code Waitlists} the waitlist.
 */
package org.lancang.store.sales;
