package org.lancang.store.sales;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;

/** Reading PostgreSQL's refusals: which unique key a write clashed with. */
final class SalesConflicts {
    /** PostgreSQL's SQLSTATE for a unique-key violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private SalesConflicts() {}

    /** Whether {@code e} (or a cause of it) is a unique-key violation of the named index or constraint. */
    static boolean keyClash(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p
                    && UNIQUE_VIOLATION.equals(p.getSQLState())
                    && p.getServerErrorMessage() != null
                    && constraint.equals(p.getServerErrorMessage().getConstraint())) {
                return true;
            }
            if (t instanceof SQLException s
                    && s.getNextException() != null
                    && keyClash(s.getNextException(), constraint)) {
                return true;
            }
        }
        return false;
    }
}
