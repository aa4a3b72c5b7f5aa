package org.lancang.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The short booking reference: readable, unique per number, forgiving to type. */
class BookingReferenceTest {
    @Test
    void distinctNumbersNeverShareAReferenceSeeded() {
        Random random = new Random(20261205L);
        Map<String, Long> seen = new HashMap<>();
        // a run of consecutive numbers (how they are handed out) and random ones across the whole range
        for (long n = 0; n < 50_000; n++) {
            String ref = BookingReference.numbered(n).value();
            assertThat(seen.put(ref, n)).as("reference %s of %d", ref, n).isNull();
        }
        for (int k = 0; k < 50_000; k++) {
            long n = 50_000 + (long) (random.nextDouble() * (BookingReference.CAPACITY - 50_000));
            String ref = BookingReference.numbered(n).value();
            Long before = seen.put(ref, n);
            assertThat(before == null || before == n)
                    .as("reference %s of %d and %s", ref, n, before)
                    .isTrue();
        }
    }

    @Test
    void aReferenceIsSevenCharactersAPersonCannotConfuse() {
        Random random = new Random(7L);
        for (int k = 0; k < 10_000; k++) {
            long n = (long) (random.nextDouble() * BookingReference.CAPACITY);
            String ref = BookingReference.numbered(n).value();
            assertThat(ref).hasSize(7).doesNotContainAnyWhitespaces();
            assertThat(ref.chars()).noneMatch(c -> "01ILO".indexOf(c) >= 0);
            assertThat(ref).matches("[2-9A-HJKMNP-Z]{7}");
        }
    }

    @Test
    void consecutiveBookingsDoNotGetConsecutiveLookingReferences() {
        String a = BookingReference.numbered(1000).value();
        String b = BookingReference.numbered(1001).value();
        int same = 0;
        for (int k = 0; k < 7; k++) {
            same += a.charAt(k) == b.charAt(k) ? 1 : 0;
        }
        assertThat(same).as(a + " vs " + b).isLessThan(6);
    }

    @Test
    void whatAPersonTypesIsFoldedToTheReference() {
        BookingReference ref = BookingReference.numbered(123_456);
        String typed = ref.value().toLowerCase().substring(0, 3) + " "
                + ref.value().substring(3, 5) + "-" + ref.value().substring(5);
        assertThat(BookingReference.parse(typed)).contains(ref);
        assertThat(BookingReference.parse(ref.value())).contains(ref);
        assertThat(BookingReference.parse(null)).isEmpty();
        assertThat(BookingReference.parse("ABC")).isEmpty();
        assertThat(BookingReference.parse("ABCDEF0"))
                .as("0 is not in the alphabet")
                .isEmpty();
        assertThat(BookingReference.parse("ABCDEFGH")).as("eight characters").isEmpty();
    }

    @Test
    void numbersOutsideTheRangeAndBadValuesAreRefused() {
        assertThatThrownBy(() -> BookingReference.numbered(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BookingReference.numbered(BookingReference.CAPACITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BookingReference("IIIIIII")).isInstanceOf(IllegalArgumentException.class);
        assertThat(BookingReference.numbered(BookingReference.CAPACITY - 1).value())
                .hasSize(7);
    }
}
