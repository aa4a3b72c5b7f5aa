/**
 * Live operations as an application service: running events stored in PostgreSQL before they are acknowledged, the
 * day's forecast kept in memory and moved by each event, the conflict forecast, meet re-planning proposals and the
 * dispatching orders that apply them, passenger notices when a forecast arrival moves, and the server's clock
 * ({@link org.lancang.store.operations.ServerClock}, settable with {@code LANCANG_CLOCK} for demonstrations).
 */
package org.lancang.store.operations;
