package org.lancang.store.reference;

/**
 * A network's folder lacks a file it is read for: an optional file's reader takes it as absent, and a start that needs
 * it (a home network without the sales, maintenance or operations files) is refused in one line naming the file.
 */
public final class MissingDataFile extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    MissingDataFile(String message) {
        super(message);
    }
}
