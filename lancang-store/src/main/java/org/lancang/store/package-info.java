/**
 * The application layer's entry point. {@link org.lancang.store.Platform} wires Lancang's running parts once: it
 * starts the database (embedded PostgreSQL or an external one) and migrates it, loads the reference data into an empty
 * database and reads it back, creates the first admin, and builds the services the web server and the command line
 * share (timetable, sales, maintenance, users), with a housekeeping thread that releases expired holds. Closing it
 * stops them in order. Despite the module's name, the feature packages below it are services, not only persistence
 * (docs/adr/0010).
 */
package org.lancang.store;
