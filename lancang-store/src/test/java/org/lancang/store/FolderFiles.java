package org.lancang.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lancang.data.DataFiles;

/** A network folder of the repository read from disk, as a test serves it, optionally with another timetable.csv. */
public final class FolderFiles {
    private FolderFiles() {}

    /** The folder's files as they are. */
    public static DataFiles of(Path folder) {
        return of(folder, null);
    }

    /** The folder's files, with {@code timetable} (null: the folder's own) as its timetable.csv. */
    public static DataFiles of(Path folder, String timetable) {
        return new DataFiles() {
            @Override
            public String read(String name) {
                if (name.equals("timetable.csv") && timetable != null) {
                    return timetable;
                }
                try {
                    return Files.readString(folder.resolve(name));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean has(String name) {
                return Files.exists(folder.resolve(name));
            }
        };
    }
}
