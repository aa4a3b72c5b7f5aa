package org.lancang.gtfs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.lancang.data.CsvTable;

/** Test helpers: the fixture feed as editable files, zipping them again, and reading a file as rows. */
final class Zips {
    private Zips() {}

    /** The fixture timetable exported, as file name → text. */
    static SortedMap<String, String> fixtureFiles() {
        return new TreeMap<>(new GtfsExporter(Fixtures.operators())
                .files(Fixtures.network(), Fixtures.timetable(), Fixtures.feedInfo()));
    }

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The rows of one feed file. */
    static List<CsvTable.Row> rows(Map<String, String> files, String name) {
        return CsvTable.parse(name, files.get(name), List.of()).rows();
    }
}
