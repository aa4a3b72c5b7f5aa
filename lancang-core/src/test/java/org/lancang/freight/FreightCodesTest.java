package org.lancang.freight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.Seeds;

/** Every code a consignment note carries: right check digits pass, every wrong one is refused naming the field. */
class FreightCodesTest {
    @Test
    void publishedExamplesPass() {
        // ISO 6346's own example and a UIC example number (21 81 2471 217-3, UIC leaflet 920-14 as commonly cited)
        assertThat(ContainerNumber.check("CSQU 305438 3", "c")).isEqualTo("CSQU3054383");
        assertThat(WagonNumber.check("21 81 2471 217-3", "w")).isEqualTo("218124712173");
        assertThat(WagonNumber.check("1590001", "w")).isEqualTo("1590001");
    }

    @Test
    void everyWrongContainerCheckDigitIsRefusedAndTheRightOnePasses() {
        Random random = new Random(Seeds.seed(FreightCodesTest.class));
        for (int n = 0; n < 2_000; n++) {
            StringBuilder first = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                first.append((char) ('A' + random.nextInt(26)));
            }
            first.append("UJZ".charAt(random.nextInt(3)));
            for (int i = 0; i < 6; i++) {
                first.append(random.nextInt(10));
            }
            int right = ContainerNumber.checkDigit(first.toString());
            for (int d = 0; d <= 9; d++) {
                String number = first.toString() + d;
                if (d == right) {
                    assertThat(ContainerNumber.check(number, "containers[0].number"))
                            .isEqualTo(number);
                } else {
                    assertThatThrownBy(() -> ContainerNumber.check(number, "containers[0].number"))
                            .isInstanceOf(InvalidInput.class)
                            .satisfies(e -> {
                                InvalidInput i = (InvalidInput) e;
                                assertThat(i.field()).isEqualTo("containers[0].number");
                                assertThat(i.errors().get(0).code()).isEqualTo("check-digit");
                            });
                }
            }
        }
    }

    @Test
    void everyWrongUicCheckDigitIsRefusedAndTheRightOnePasses() {
        Random random = new Random(Seeds.seed(FreightCodesTest.class));
        for (int n = 0; n < 2_000; n++) {
            StringBuilder first = new StringBuilder();
            for (int i = 0; i < 11; i++) {
                first.append(random.nextInt(10));
            }
            int right = WagonNumber.checkDigit(first.toString());
            for (int d = 0; d <= 9; d++) {
                String number = first.toString() + d;
                if (d == right) {
                    assertThat(WagonNumber.check(number, "wagons[0]")).isEqualTo(number);
                } else {
                    assertThatThrownBy(() -> WagonNumber.check(number, "wagons[0]"))
                            .isInstanceOf(InvalidInput.class)
                            .hasMessageContaining("check digit");
                }
            }
            // a single changed digit is always caught (the weights 2, 1 make the digit sums differ)
            int at = random.nextInt(11);
            char was = first.charAt(at);
            char other = (char) ('0' + (was - '0' + 1 + random.nextInt(9)) % 10);
            String typo = first.substring(0, at) + other + first.substring(at + 1) + right;
            assertThatThrownBy(() -> WagonNumber.check(typo, "wagons[0]")).isInstanceOf(InvalidInput.class);
        }
    }

    @Test
    void malformedNumbersAreRefusedForTheirForm() {
        for (String bad : new String[] {"", "CSQ3054383", "CSQA3054383", "1234", "CSQU30543833"}) {
            assertThatThrownBy(() -> ContainerNumber.check(bad, "c")).isInstanceOf(InvalidInput.class);
        }
        for (String bad : new String[] {"", "12345678", "ABCDEFGHIJKL", "1234567890123"}) {
            assertThatThrownBy(() -> WagonNumber.check(bad, "w")).isInstanceOf(InvalidInput.class);
        }
    }

    @Test
    void unknownHsAndUnCodesAreRefusedKnownOnesPass() {
        GoodsCodes codes = GoodsCodes.parse(ReferenceFiles.chinaLaos().read(GoodsCodes.FILE));
        assertThat(codes.hs("0810.60", "goods[0].hsCode")).containsIgnoringCase("durian");
        assertThat(codes.un("UN1203", "unNumber").hazardClass()).isEqualTo("3");
        assertThatThrownBy(() -> codes.hs("999999", "goods[0].hsCode"))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field())
                .isEqualTo("goods[0].hsCode");
        assertThatThrownBy(() -> codes.hs("08106", "goods[0].hsCode")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> codes.un("9999", "unNumber")).isInstanceOf(InvalidInput.class);
    }
}
