/**
 * Passenger sales over HTTP: journeys (public), bookings (hold, pay, refund quote, cancel, change), tickets with their
 * QR codes, the waitlist and notifications, for passengers on their own bookings and agents at the ticket window.
 */
package org.lancang.web.sales;
