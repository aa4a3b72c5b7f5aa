package org.lancang.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.Validation;
import org.lancang.network.Country;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;

/**
 * The documents a network's {@code documents.csv} accepts: the Bangkok line takes a Thai ID card on a Thai domestic
 * trip (train 133's KTW → UDN) but not across the bridge, where a passport or a border pass is needed.
 */
class TravelDocumentsTest {
    private static final ReferenceFiles FILES = ReferenceFiles.vientianeBangkok();
    private static final Network NETWORK = ReferenceData.parse(FILES).network();
    private static final TravelDocuments DOCUMENTS = TravelDocuments.parse(FILES.read(TravelDocuments.FILE));

    private static List<String> acceptedBetween(String... codes) {
        List<Point> path =
                List.of(codes).stream().map(c -> NETWORK.point(c).orElseThrow()).toList();
        List<Country> countries = path.stream().map(Point::country).distinct().toList();
        return DOCUMENTS.accepted(countries, NETWORK.bordersCrossed(path)).stream()
                .map(TravelDocument::code)
                .toList();
    }

    @Test
    void aThaiIdCardServesAThaiDomesticTripAndNotTheCrossing() {
        assertThat(acceptedBetween("KTW", "TCJ", "UDN")).contains("THAI_ID_CARD", "PASSPORT");
        // 133's way: the main line to Thanon Chira Junction, the Nong Khai line on, the border on the bridge
        assertThat(acceptedBetween("KTW", "TCJ", "NKI", "KSV"))
                .doesNotContain("THAI_ID_CARD")
                .containsExactlyInAnyOrder("PASSPORT", "BORDER_PASS");
        // a border pass is for the crossing only
        assertThat(acceptedBetween("KTW", "TCJ", "UDN")).doesNotContain("BORDER_PASS");
    }

    @Test
    void aThaiIdNumberCarriesItsCheckDigit() {
        TravelDocument card = DOCUMENTS.find("THAI_ID_CARD").orElseThrow();
        // 1·13 + 2·12 + 3·11 + 4·10 + 5·9 + 6·8 + 7·7 + 8·6 + 9·5 + 0·4 + 1·3 + 2·2 = 352; 352 mod 11 = 0; (11 − 0) mod
        // 10 = 1
        assertThat(card.numberFits("1234567890121")).isTrue();
        assertThat(card.numberFits(" 1234567890121 ")).isTrue();
        assertThat(card.numberFits("1234567890122")).isFalse();
        assertThat(card.numberFits("123456789012")).isFalse();
        assertThat(card.numberFits("A234567890121")).isFalse();
        assertThat(card.names().in("th")).isEqualTo("บัตรประจำตัวประชาชน");
        assertThat(card.issuedBy()).isEqualTo("TH");
        assertThat(DOCUMENTS.find("PASSPORT").orElseThrow().issuedBy()).isEmpty();
        assertThat(card.nationality()).contains("THA");
        assertThat(DOCUMENTS.find("PASSPORT").orElseThrow().nationality()).isEmpty();
    }

    @Test
    void exactlyOneLastDigitCompletesAnyTwelveDigits() {
        long seed = Long.getLong("lancang.seed", System.nanoTime());
        System.out.println("TravelDocumentsTest seed " + seed + " (rerun with -Dlancang.seed=" + seed + ")");
        Random random = new Random(seed);
        TravelDocument card = DOCUMENTS.find("THAI_ID_CARD").orElseThrow();
        for (int n = 0; n < 2_000; n++) {
            StringBuilder first = new StringBuilder();
            IntStream.range(0, 12).forEach(i -> first.append(random.nextInt(10)));
            long passing = IntStream.range(0, 10)
                    .filter(last -> card.numberFits(first.toString() + last))
                    .count();
            assertThat(passing).as("last digits completing %s", first).isEqualTo(1);
        }
    }

    /** The documents of a journey along the stops of the Bangkok line. */
    private static JourneyDocuments journey(String... stops) {
        return DOCUMENTS.forJourney(
                NETWORK,
                List.of(stops).stream().map(c -> NETWORK.point(c).orElseThrow()).toList());
    }

    /** The field and code of each failure of a passenger's check on the journey (none when accepted). */
    private static List<String> failures(JourneyDocuments journey, String type, String number, LocalDate expiry) {
        Validation v = new Validation();
        Passenger p = new Passenger("Malee S.", type, number, "THA", null, expiry);
        Passenger.check(v, "passengers[0].", p, TRAVEL, journey, TRAVEL.minusDays(3));
        try {
            v.throwIfInvalid();
            return List.of();
        } catch (InvalidInput e) {
            return e.errors().stream().map(x -> x.field() + " " + x.code()).toList();
        }
    }

    private static final LocalDate TRAVEL = LocalDate.of(2026, 12, 10);

    @Test
    void eachDocumentIsCheckedByItsOwnRow() {
        JourneyDocuments domestic = journey("KTW", "TCJ", "UDN");
        JourneyDocuments crossing = journey("KTW", "TCJ", "NKI", "KSV");
        // the Thai ID card: at home with its check digit, no expiry asked
        assertThat(failures(domestic, "THAI_ID_CARD", "1234567890121", null)).isEmpty();
        assertThat(failures(domestic, "thai_id_card", " 1234567890121 ", null)).isEmpty();
        assertThat(failures(domestic, "THAI_ID_CARD", "1234567890122", null))
                .containsExactly("passengers[0].documentNumber document-number-check");
        assertThat(failures(domestic, "THAI_ID_CARD", "P1234567", null))
                .containsExactly("passengers[0].documentNumber document-number");
        assertThat(failures(crossing, "THAI_ID_CARD", "1234567890121", null))
                .containsExactly("passengers[0].documentType document-not-accepted");
        // the border pass: across the bridge, with its expiry; not at home
        assertThat(failures(crossing, "BORDER_PASS", "BP12345", TRAVEL.plusMonths(1)))
                .isEmpty();
        assertThat(failures(crossing, "BORDER_PASS", "BP12345", null))
                .containsExactly("passengers[0].documentExpiry document-expiry-required");
        assertThat(failures(crossing, "BORDER_PASS", "BP12345", TRAVEL.minusDays(1)))
                .containsExactly("passengers[0].documentExpiry document-expired");
        assertThat(failures(domestic, "BORDER_PASS", "BP12345", TRAVEL.plusMonths(1)))
                .containsExactly("passengers[0].documentType document-not-accepted");
        // an unknown code and none at all name the field, the message the documents that serve
        assertThat(failures(crossing, "VISA", "V1234567", null))
                .containsExactly("passengers[0].documentType document-unknown");
        assertThat(failures(crossing, null, "V1234567", null)).containsExactly("passengers[0].documentType required");
        Validation v = new Validation();
        Passenger.check(
                v,
                "",
                new Passenger("M", "THAI_ID_CARD", "1234567890121", "THA", null, null),
                TRAVEL,
                crossing,
                TRAVEL);
        assertThatThrownBy(v::throwIfInvalid)
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors().get(0).message())
                                .contains("PASSPORT", "BORDER_PASS", "Thailand")
                                .doesNotContain("THAI_ID_CARD"));
    }

    @Test
    void aFolderWithoutTheFileTakesAPassportAnywhereAndAnIdCardAtHome() {
        ReferenceFiles tiny = ReferenceFiles.branch();
        assertThat(tiny.has(TravelDocuments.FILE)).isFalse();
        TravelDocuments fallback = TravelDocuments.of(tiny);
        assertThat(fallback.all()).extracting(TravelDocument::code).containsExactly("PASSPORT", "NATIONAL_ID_CARD");
        List<Point> crossing =
                List.of(NETWORK.point("UDN").orElseThrow(), NETWORK.point("KSV").orElseThrow());
        assertThat(fallback.forJourney(NETWORK, crossing).acceptedCodes()).containsExactly("PASSPORT");
        List<Point> domestic =
                List.of(NETWORK.point("KTW").orElseThrow(), NETWORK.point("UDN").orElseThrow());
        assertThat(fallback.forJourney(NETWORK, domestic).acceptedCodes())
                .containsExactly("PASSPORT", "NATIONAL_ID_CARD");
        assertThat(fallback.find("PASSPORT").orElseThrow().expiryRequired()).isTrue();
        assertThat(fallback.find("NATIONAL_ID_CARD").orElseThrow().names().in("th"))
                .isEqualTo("บัตรประจำตัวประชาชน");
        // the home folder has its own file, which the fallback does not replace
        assertThat(TravelDocuments.of(ReferenceFiles.chinaLaos()).all())
                .extracting(TravelDocument::code)
                .containsExactly("PASSPORT", "CHINESE_RESIDENT_ID", "LAO_ID_CARD");
    }

    @Test
    void theChinaLaosNetworkKeepsItsDocumentsAndABadRowIsNamed() {
        ReferenceFiles home = ReferenceFiles.chinaLaos();
        TravelDocuments documents = TravelDocuments.parse(home.read(TravelDocuments.FILE));
        assertThat(documents.all()).extracting(TravelDocument::code).doesNotContain("THAI_ID_CARD");
        assertThat(documents.find("PASSPORT").orElseThrow().expiryRequired()).isTrue();
        String header = "code,name_en,name_zh,name_lo,number_pattern,number_check,expiry_required,domestic_in,crosses,"
                + "source\n";
        assertThatThrownBy(() -> TravelDocuments.parse(header + "X_CARD,X,,,[0-9]{3},LUHN,false,*,,x\n"))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("number_check");
        assertThatThrownBy(() -> TravelDocuments.parse(header + "X_CARD,X,,,[0-9,NONE,false,*,,x\n"))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("number_pattern");
        String issued = header.replace(",source", ",issued_by,source");
        assertThatThrownBy(() -> TravelDocuments.parse(issued + "X_CARD,X,,,[0-9]{3},NONE,false,*,,Thai,x\n"))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("issued_by");
    }
}
