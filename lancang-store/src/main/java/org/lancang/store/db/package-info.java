/**
 * PostgreSQL as Lancang uses it. {@link org.lancang.store.db.Database} starts an embedded server under the data folder
 * (or connects to an external one), applies the Flyway migrations and offers Jdbi. {@link
 * org.lancang.store.db.GroupCommit} is how the hot path writes: many writers hand in their writes, a committer thread
 * commits whatever has queued in one transaction, and each writer learns only then that its write is durable; a
 * separate thread delivers the answers so the committer goes straight on. {@link org.lancang.store.db.NamedSql} parses
 * a statement's named parameters once so that batches bind straight on JDBC. "Committed" means on disk: synchronous
 * commit and fsync stay on (docs/adr/0003).
 */
package org.lancang.store.db;
