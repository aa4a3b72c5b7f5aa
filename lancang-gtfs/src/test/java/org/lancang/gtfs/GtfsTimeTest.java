package org.lancang.gtfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class GtfsTimeTest {
    @Test
    void formatsWithTwoDigitHoursAndPastMidnight() {
        assertThat(GtfsTime.format(Duration.ofHours(8).plusMinutes(8))).isEqualTo("08:08:00");
        assertThat(GtfsTime.format(Duration.ofHours(25).plusMinutes(31).plusSeconds(7)))
                .isEqualTo("25:31:07");
        assertThat(GtfsTime.format(Duration.ZERO)).isEqualTo("00:00:00");
    }

    @Test
    void refusesWhatGtfsCannotSay() {
        assertThatThrownBy(() -> GtfsTime.format(Duration.ofMinutes(-1))).hasMessageContaining("negative");
        assertThatThrownBy(() -> GtfsTime.format(Duration.ofMillis(1500))).hasMessageContaining("fraction");
    }

    @Test
    void parsesOneOrTwoDigitHours() {
        assertThat(GtfsTime.parse("8:05:00")).isEqualTo(Duration.ofHours(8).plusMinutes(5));
        assertThat(GtfsTime.parse("24:30:00")).isEqualTo(Duration.ofHours(24).plusMinutes(30));
        assertThat(GtfsTime.parse(GtfsTime.format(Duration.ofSeconds(98_765)))).isEqualTo(Duration.ofSeconds(98_765));
    }

    @Test
    void refusesMalformedTimes() {
        for (String bad : new String[] {"8:5:00", "08:60:00", "08:00:60", "08:00", "-1:00:00", "ab:cd:ef", ""}) {
            assertThatThrownBy(() -> GtfsTime.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shiftFollowsTheZoneRules() {
        LocalDate day = LocalDate.of(2027, 3, 1);
        assertThat(GtfsTime.shift(day, ZoneId.of("Asia/Vientiane"), ZoneId.of("Asia/Shanghai")))
                .isEqualTo(Duration.ofHours(1));
        assertThat(GtfsTime.shift(day, ZoneId.of("Asia/Shanghai"), ZoneId.of("Asia/Shanghai")))
                .isZero();
        assertThat(GtfsTime.shift(day, ZoneId.of("Asia/Shanghai"), ZoneId.of("Asia/Vientiane")))
                .isEqualTo(Duration.ofHours(-1));
        // Not hard-coded: Paris is UTC+1 in winter and UTC+2 in summer, so the shift to Shanghai changes.
        assertThat(GtfsTime.shift(LocalDate.of(2027, 1, 15), ZoneId.of("Europe/Paris"), ZoneId.of("Asia/Shanghai")))
                .isEqualTo(Duration.ofHours(7));
        assertThat(GtfsTime.shift(LocalDate.of(2027, 7, 15), ZoneId.of("Europe/Paris"), ZoneId.of("Asia/Shanghai")))
                .isEqualTo(Duration.ofHours(6));
    }

    @Test
    void countsFromNoonMinusTwelveHoursOnADaylightSavingDay() {
        // On the night clocks go forward in Paris, midnight is still 12 h before noon in wall-clock terms, but GTFS
        // counts from noon minus 12 h: a Paris feed's 00:00:00 then lies one hour before local midnight.
        LocalDate changeDay = LocalDate.of(2027, 3, 28);
        assertThat(GtfsTime.shift(changeDay, ZoneId.of("Europe/Paris"), ZoneId.of("Europe/Paris")))
                .isEqualTo(Duration.ofHours(1));
    }
}
