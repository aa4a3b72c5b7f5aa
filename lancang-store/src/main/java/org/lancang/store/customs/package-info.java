/**
 * Customs at the border (issue 18), the application layer: each train's advance cargo data assembled from its
 * bookings' consignment notes and sent by the freight office, the release state of every consignment decided by the
 * customs of its crossing (by hand or imported) with who and when, and the border interlock handed to live
 * operations as departure holds. A decision is acknowledged once committed; only then is the forecast told. Every
 * network that books freight has its own service ({@link org.lancang.store.customs.NetworkCustoms}), so a through
 * consignment is declared and released at each border its legs cross. Each submission puts the border's customs
 * message (a UN/EDIFACT CUSCAR, {@link org.lancang.store.customs.CargoReport}) in an outbox in the same transaction;
 * a later submission at the same border is an amendment naming the first, which is never rewritten.
 */
package org.lancang.store.customs;
