package org.lancang.store.customs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.testing.Seeds;

/**
 * A consignor's or consignee's name and address go into CUSCAR's NAD as at most five lines of 35 characters. Seeded
 * (rerun with {@code -Dseed=N}): random names of Latin, Lao and Chinese words, some longer than a line.
 */
class CargoReportLinesTest {
    static final String[] WORDS = {
        "Ban",
        "Thanaleng",
        "Vientiane",
        "ບໍລິສັດ",
        "ສົ່ງອອກໝາກໄມ້",
        "昆明鲜果进口有限公司",
        "Guandu",
        "District",
        "Kunming",
        "No.",
        "1",
        "Road",
        "Supercalifragilisticexpialidociousandmoreletters"
    };

    @Test
    void everyLineFitsAndNothingIsLostWhenItFitsInFive() {
        long seed = Seeds.seed(CargoReportLinesTest.class);
        Random random = new Random(seed);
        int whole = 0;
        for (int run = 0; run < 2_000; run++) {
            List<String> words = new ArrayList<>();
            int n = 1 + random.nextInt(25);
            for (int i = 0; i < n; i++) {
                words.add(WORDS[random.nextInt(WORDS.length)]);
            }
            String text = String.join(" ", words);
            List<String> lines = CargoReport.lines(text, 35);
            assertThat(lines).as(text).isNotEmpty().hasSizeLessThanOrEqualTo(5);
            assertThat(lines).as(text).allMatch(l -> !l.isEmpty() && l.length() <= 35);
            // the lines read in order are the text's start, cut only where a space was or a word is longer than a line
            String joined = String.join("", lines).replace(" ", "");
            String compact = text.replace(" ", "");
            assertThat(compact).as(text).startsWith(joined);
            if (text.length() <= 35) {
                assertThat(lines).as(text).containsExactly(text);
            }
            if (joined.equals(compact)) {
                whole++;
            }
        }
        System.out.println("CargoReportLinesTest: " + whole + " of 2000 names kept whole");
        assertThat(whole).as("the workload has names that fit").isGreaterThan(0);
    }
}
