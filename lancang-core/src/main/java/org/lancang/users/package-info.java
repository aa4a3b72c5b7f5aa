/**
 * Who may do what. A {@link org.lancang.users.User} has one or more roles ({@link org.lancang.users.Role}): ADMIN
 * (users and roles), PLANNER (the timetable), DISPATCHER (the day's operation), MAINTAINER (assets, defects, work),
 * AGENT (the ticket window), PASSENGER (own bookings) and SHIPPER (freight). {@link org.lancang.users.UserRules} says
 * what makes a username, display name, password and list of roles acceptable. Passwords are hashed, and endpoints
 * check roles, outside the core (lancang-store's {@code users}, lancang-web's {@code http}).
 */
package org.lancang.users;
