package org.lancang.gtfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.data.CsvTable;

/** CsvWriter's output read back by the core's CsvTable, and the core's CSV errors as this module reports them. */
class CsvTest {
    /** The rows of {@code text}, read as the importer reads a feed file (errors as a GtfsFormatException). */
    private static List<CsvTable.Row> read(String text, String... requiredColumns) {
        return GtfsFormatException.reading(
                () -> CsvTable.parse("t.txt", text, List.of(requiredColumns)).rows());
    }

    @Test
    void quotesOnlyWhereNeededAndReadsBackEveryCharacter() {
        String awkward = "Ning'er, \"the\" station\nline two";
        String text = new CsvWriter("id", "name")
                .row("NER", awkward)
                .row("VTE", "ນະຄອນຫຼວງວຽງຈັນ")
                .row("X", null)
                .text();

        assertThat(text).startsWith("id,name\nNER,\"Ning'er, \"\"the\"\" station\nline two\"\n");
        List<CsvTable.Row> rows = read(text, "id", "name");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).text("name")).isEqualTo(awkward);
        assertThat(rows.get(1).text("name")).isEqualTo("ນະຄອນຫຼວງວຽງຈັນ");
        assertThat(rows.get(2).text("name")).isEmpty();
        // The quoted line break makes the second record start on line 4.
        assertThat(rows.get(1).line()).isEqualTo(4);
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        assertThatThrownBy(() -> new CsvWriter("a", "b").row("only one")).isInstanceOf(IllegalArgumentException.class);

        GtfsFormatException e = catchThrowableOfType(GtfsFormatException.class, () -> read("a,b\n1,2\n1,2,3\n"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.file()).isEqualTo("t.txt");
        assertThat(e.field()).isEmpty();
        assertThat(e).hasMessage("t.txt:3: the record has 3 fields, the header has 2");
    }

    @Test
    void anUnclosedQuoteIsRefusedAtTheLineItOpens() {
        GtfsFormatException e =
                catchThrowableOfType(GtfsFormatException.class, () -> read("a,b\n1,2\n3,\"open\n4,5\n"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEmpty();
        assertThat(e.getMessage()).contains("not closed");
    }

    @Test
    void aBlankRequiredFieldNamesItsColumn() {
        CsvTable.Row row = read("a,b\n1, \n").get(0);
        GtfsFormatException e = catchThrowableOfType(
                GtfsFormatException.class, () -> GtfsFormatException.reading(() -> row.required("b")));
        assertThat(e).hasMessage("t.txt:2: field 'b': must not be blank");
        assertThat(row.textIfPresent("absent")).isEmpty();
    }

    @Test
    void headerProblemsKeepTheirFileLineAndField() {
        GtfsFormatException empty = catchThrowableOfType(GtfsFormatException.class, () -> read("\uFEFF"));
        assertThat(empty).hasMessage("t.txt:1: the file is empty: a header line is required");
        assertThat(empty.field()).isEmpty();

        GtfsFormatException twice = catchThrowableOfType(GtfsFormatException.class, () -> read("a,b,a\n1,2,3\n"));
        assertThat(twice).hasMessage("t.txt:1: field 'a': the column appears twice in the header");

        GtfsFormatException missing = catchThrowableOfType(GtfsFormatException.class, () -> read("a\n1\n", "b"));
        assertThat(missing).hasMessage("t.txt:1: field 'b': required column missing from the header");
    }

    @Test
    void blankLinesAndCrlfAreRead() {
        List<CsvTable.Row> rows = read("a,b\r\n1,2\r\n\r\n3,4\r\n");
        assertThat(rows).extracting(r -> r.text("b")).containsExactly("2", "4");
        assertThat(rows.get(1).line()).isEqualTo(4);
    }
}
