package org.lancang.gtfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotesOnlyWhereNeededAndReadsBackEveryCharacter() {
        String awkward = "Ning'er, \"the\" station\nline two";
        String text = new CsvWriter("id", "name").row("NER", awkward).row("VTE", "ນະຄອນຫຼວງວຽງຈັນ").row("X", null)
                .text();

        assertThat(text).startsWith("id,name\nNER,\"Ning'er, \"\"the\"\" station\nline two\"\n");
        List<CsvRow> rows = CsvReader.read("t.txt", text, List.of("id", "name"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).text("name")).isEqualTo(awkward);
        assertThat(rows.get(1).text("name")).isEqualTo("ນະຄອນຫຼວງວຽງຈັນ");
        assertThat(rows.get(2).text("name")).isEmpty();
        // The quoted line break makes the second record start on line 4.
        assertThat(rows.get(1).line()).isEqualTo(4);
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CsvWriter("a", "b").row("only one"))
                .isInstanceOf(IllegalArgumentException.class);

        GtfsFormatException e = catchThrowableOfType(GtfsFormatException.class,
                () -> CsvReader.read("t.txt", "a,b\n1,2\n1,2,3\n", List.of()));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.file()).isEqualTo("t.txt");
    }

    @Test
    void anUnclosedQuoteIsRefusedAtTheLineItOpens() {
        GtfsFormatException e = catchThrowableOfType(GtfsFormatException.class,
                () -> CsvReader.read("t.txt", "a,b\n1,2\n3,\"open\n4,5\n", List.of()));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("not closed");
    }

    @Test
    void aBlankRequiredFieldNamesItsColumn() {
        CsvRow row = CsvReader.read("t.txt", "a,b\n1, \n", List.of()).get(0);
        GtfsFormatException e = catchThrowableOfType(GtfsFormatException.class, () -> row.required("b"));
        assertThat(e).hasMessage("t.txt:2: field 'b': must not be blank");
        assertThat(row.text("absent")).isEmpty();
    }
}
