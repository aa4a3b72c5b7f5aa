package org.lancang.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {
    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndRemembersLines() {
        String text = "a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\r\n3,,\n";
        CsvTable t = CsvTable.parse("t.csv", text, List.of("a", "b", "c"));
        assertThat(t.rows()).hasSize(3);
        assertThat(t.rows().get(0).text("b")).isEqualTo("x, y");
        assertThat(t.rows().get(0).text("c")).isEqualTo("say \"hi\"");
        assertThat(t.rows().get(1).text("b")).isEqualTo("two\nlines");
        assertThat(t.rows().get(2).line()).isEqualTo(5);
        assertThat(t.rows().get(2).optional("b")).isEmpty();
    }

    @Test
    void aMissingColumnIsNamed() {
        assertThatThrownBy(() -> CsvTable.parse("t.csv", "a,b\n1,2\n", List.of("a", "km")))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("t.csv");
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.field()).isEqualTo("km");
                });
    }

    @Test
    void aShortRecordAndABadNumberNameTheirLine() {
        assertThatThrownBy(() -> CsvTable.parse("t.csv", "a,b\n1,2\n3\n", List.of("a")))
                .isInstanceOfSatisfying(
                        DataFileException.class, e -> assertThat(e.line()).isEqualTo(3));
        CsvTable t = CsvTable.parse("t.csv", "a,b\n1,2\nx,4\n", List.of("a"));
        assertThatThrownBy(() -> t.rows().get(1).decimal("a")).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("a");
            assertThat(e.getMessage()).contains("t.csv:3", "'a'", "not a number");
        });
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertThatThrownBy(() -> CsvTable.parse("t.csv", "a\n\"open\n", List.of("a")))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("not closed");
    }
}
