package org.lancang.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.Validation;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.ticketing.fares.AgeFare;
import org.lancang.ticketing.fares.AgeFares;
import org.lancang.ticketing.fares.FareCategory;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;

/** An infant on a lap: free, no seat, within every operator's band, carried by a passenger paying the adult fare. */
class LapInfantTest {
    private static final ReferenceFiles FILES = ReferenceFiles.chinaLaos();
    private static final Network NETWORK = ReferenceData.parse(FILES).network();
    private static final Operators OPERATORS = Operators.parse(Operators.FILE, FILES.read(Operators.FILE), NETWORK);
    private static final AgeFares AGE_FARES = AgeFares.parse(FILES.read(AgeFares.FILE), OPERATORS);
    private static final Operator CHINA = OPERATORS.byCode("CR_KUNMING").orElseThrow();
    private static final Operator LAOS = OPERATORS.byCode("LCR").orElseThrow();
    private static final LocalDate TRAVEL = LocalDate.of(2026, 12, 8);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private static final TravelDocuments DOCUMENTS = TravelDocuments.of(FILES);

    /** The documents of a journey across the border (Kunming South → Vientiane) or inside China. */
    private static JourneyDocuments journey(boolean crosses) {
        List<String> stops = crosses ? List.of("KMS", "VTE") : List.of("KMS", "XSB");
        return DOCUMENTS.forJourney(
                NETWORK, stops.stream().map(c -> NETWORK.point(c).orElseThrow()).toList());
    }

    private static List<Optional<AgeFare>> bothOperators() {
        return List.of(AGE_FARES.band(CHINA, FareCategory.LAP_INFANT), AGE_FARES.band(LAOS, FareCategory.LAP_INFANT));
    }

    private static Validation check(LapInfant infant, FareCategory carrier, boolean crosses) {
        Validation v = new Validation();
        LapInfant.check(v, "passengers[0].", infant, carrier, bothOperators(), TRAVEL, journey(crosses), TODAY);
        return v;
    }

    private static InvalidInput failure(Validation v) {
        try {
            v.throwIfInvalid();
        } catch (InvalidInput e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void bothOperatorsCarryAnInfantUnderSixFreeAndASeatedInfantStillPaysItsFare() {
        for (Operator op : List.of(CHINA, LAOS)) {
            AgeFare lap = AGE_FARES.band(op, FareCategory.LAP_INFANT).orElseThrow();
            assertThat(lap.maxAge()).isEqualTo(6);
            assertThat(lap.percent().signum()).isZero();
            // a three-year-old with a seat of their own is an INFANT passenger, never a lap infant
            assertThat(AGE_FARES.rule(op, 3).orElseThrow().category()).isEqualTo(FareCategory.INFANT);
        }
    }

    @Test
    void aDomesticLapInfantNeedsANameAndADateOfBirthOnly() {
        LapInfant baby = new LapInfant("Baby", TRAVEL.minusMonths(7), null, null, null, null);
        assertThat(check(baby, FareCategory.ADULT, false).hasErrors()).isFalse();
    }

    @Test
    void theDayOfTravelDecidesTheAgeOnTheLap() {
        LapInfant fiveAndAYear = new LapInfant("Five", TRAVEL.minusYears(6).plusDays(1), null, null, null, null);
        assertThat(check(fiveAndAYear, FareCategory.ADULT, false).hasErrors()).isFalse();
        LapInfant six = new LapInfant("Six", TRAVEL.minusYears(6), null, null, null, null);
        InvalidInput e = failure(check(six, FareCategory.ADULT, false));
        assertThat(e.field()).isEqualTo("passengers[0].infant.dateOfBirth");
        assertThat(e.errors().get(0).code()).isEqualTo("lap-infant-too-old");
    }

    @Test
    void acrossTheBorderTheInfantShowsAValidPassport() {
        LapInfant noPassport = new LapInfant("Baby", TRAVEL.minusYears(1), null, null, null, null);
        assertThat(failure(check(noPassport, FareCategory.ADULT, true)).field())
                .isEqualTo("passengers[0].infant.documentType");
        LapInfant expired =
                new LapInfant("Baby", TRAVEL.minusYears(1), "PASSPORT", "PB123456", "LAO", TRAVEL.minusDays(1));
        assertThat(failure(check(expired, FareCategory.ADULT, true))
                        .errors()
                        .get(0)
                        .code())
                .isEqualTo("document-expired");
        LapInfant valid =
                new LapInfant("Baby", TRAVEL.minusYears(1), "PASSPORT", "PB123456", "LAO", TRAVEL.plusYears(4));
        assertThat(check(valid, FareCategory.ADULT, true).hasErrors()).isFalse();
    }

    @Test
    void onlyAPassengerPayingTheAdultFareCarriesOneAndOnlyWhereEveryOperatorDoes() {
        LapInfant baby = new LapInfant("Baby", TRAVEL.minusYears(1), null, null, null, null);
        assertThat(failure(check(baby, FareCategory.CHILD, false))
                        .errors()
                        .get(0)
                        .code())
                .isEqualTo("lap-infant-carrier");
        Validation v = new Validation();
        LapInfant.check(
                v,
                "passengers[1].",
                baby,
                FareCategory.ADULT,
                List.of(AGE_FARES.band(CHINA, FareCategory.LAP_INFANT), Optional.empty()),
                TRAVEL,
                journey(false),
                TODAY);
        InvalidInput e = failure(v);
        assertThat(e.field()).isEqualTo("passengers[1].infant");
        assertThat(e.errors().get(0).code()).isEqualTo("lap-infant-not-carried");
    }

    @Test
    void aLapInfantRowChargingAnythingIsRefusedWithItsLineAndALapBandMayOverlapASeatedOne() {
        String header = "operator,category,min_age,max_age,percent,source\n";
        assertThatThrownBy(() -> AgeFares.parse(header + "LCR,LAP_INFANT,0,2,10,a source\n", OPERATORS))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("percent");
        AgeFares both =
                AgeFares.parse(header + "LCR,INFANT,0,6,50,a source\nLCR,LAP_INFANT,0,2,0,a source\n", OPERATORS);
        assertThat(both.rule(LAOS, 1).orElseThrow().category()).isEqualTo(FareCategory.INFANT);
        assertThat(both.band(LAOS, FareCategory.LAP_INFANT).orElseThrow().maxAge())
                .isEqualTo(2);
        assertThatThrownBy(() -> AgeFares.parse(
                        header + "LCR,LAP_INFANT,0,6,0,a source\nLCR,LAP_INFANT,2,4,0,a source\n", OPERATORS))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("overlaps");
    }
}
