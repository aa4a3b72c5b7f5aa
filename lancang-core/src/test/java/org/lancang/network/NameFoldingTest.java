package org.lancang.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.testing.ReferenceFiles;

/** Spellings a reader takes for the same name fold to the same text; different names stay apart. */
class NameFoldingTest {
    private final NameFolding folding =
            NameFolding.parse(ReferenceFiles.chinaLaos().read(NameFolding.FILE));

    /** ຫ + subscript lo (U+0EBC), the spelling of today's Lao. */
    private static final String LUANG_PRABANG_SUBSCRIPT = "\u0eab\u0ebc\u0ea7\u0e87\u0e9e\u0eb0\u0e9a\u0eb2\u0e87";
    /** ຫ + ລ (U+0EA5), the older spelling the data file has. */
    private static final String LUANG_PRABANG_LO = "\u0eab\u0ea5\u0ea7\u0e87\u0e9e\u0eb0\u0e9a\u0eb2\u0e87";

    @Test
    void laoSpellingVariantsFoldTogether() {
        assertThat(LUANG_PRABANG_SUBSCRIPT).isNotEqualTo(LUANG_PRABANG_LO);
        assertThat(folding.fold(LUANG_PRABANG_SUBSCRIPT)).isEqualTo(folding.fold(LUANG_PRABANG_LO));
        // ໜ (U+0EDC) and ຫ + ນ; ໝ (U+0EDD) and ຫ + ມ
        assertThat(folding.fold("\u0edc\u0eb4\u0e87")).isEqualTo(folding.fold("\u0eab\u0e99\u0eb4\u0e87"));
        assertThat(folding.fold("\u0e99\u0eb2\u0edd\u0ecd\u0ec9"))
                .isEqualTo(folding.fold("\u0e99\u0eb2\u0eab\u0ea1\u0ecd\u0ec9"));
        // tone marks and vowels tell words apart: they are kept
        assertThat(folding.fold("\u0e99\u0eb2")).isNotEqualTo(folding.fold("\u0e99\u0ec8\u0eb2"));
    }

    @Test
    void traditionalAndSimplifiedChineseFoldTogether() {
        assertThat(folding.fold("西雙版納")).isEqualTo(folding.fold("西双版纳"));
        assertThat(folding.fold("萬象")).isEqualTo("万象");
        assertThat(folding.fold("橄欖壩")).isEqualTo("橄榄坝");
        assertThat(folding.fold("中老邊境（友誼隧道）")).isEqualTo(folding.fold("中老边境(友谊隧道)"));
        assertThat(folding.fold("昆明")).isNotEqualTo(folding.fold("昆明南"));
    }

    @Test
    void pinyinWithoutTonesCaseAndPunctuationDoNotMatter() {
        assertThat(folding.fold("Pǔ'ěr")).isEqualTo(folding.fold("puer"));
        assertThat(folding.fold("Ning’er")).isEqualTo("ninger");
        assertThat(folding.fold("Wànxiàng Běi")).isEqualTo(folding.fold("wanxiangbei"));
        assertThat(folding.fold("ＫＵＮＭＩＮＧ")).isEqualTo("kunming");
        assertThat(folding.fold(null)).isEmpty();
    }

    @Test
    void foldingIsIdempotentAndIgnoresSpacingSeeded() {
        Random random = new Random(15L);
        String alphabet = "abcdeKLMNüéǔ'- ·ຫຼລວງພະບາງໜໝນມ西雙版納万象（）";
        for (int k = 0; k < 2_000; k++) {
            StringBuilder s = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String once = folding.fold(s.toString());
            assertThat(folding.fold(once)).as("fold(fold(%s))", s).isEqualTo(once);
            String spaced = s.toString().replace("a", " a-");
            assertThat(folding.fold(spaced)).as("spacing of %s", s).isEqualTo(once);
            assertThat(folding.fold(s.toString().toUpperCase()))
                    .as("case of %s", s)
                    .isEqualTo(once);
        }
    }

    @Test
    void aQueryFindsANameByItsStartFirstThenInside() {
        Names lpb = new Names("Luang Prabang", "琅勃拉邦", LUANG_PRABANG_LO, "Langbolabang");
        assertThat(folding.rank(LUANG_PRABANG_SUBSCRIPT, lpb, "LPB")).contains(0);
        assertThat(folding.rank("\u0eab\u0ebc\u0ea7\u0e87", lpb, "LPB")).contains(0);
        assertThat(folding.rank("prabang", lpb, "LPB")).contains(1);
        assertThat(folding.rank("langbo", lpb, "LPB")).contains(0);
        assertThat(folding.rank("lpb", lpb, "LPB")).contains(0);
        assertThat(folding.rank("vientiane", lpb, "LPB")).isEmpty();
        assertThat(folding.rank("  ", lpb, "LPB")).isEmpty();
    }

    @Test
    void aNameInALanguageTheNetworkAddsIsFoundToo() {
        Names nki = new Names("Nong Khai", "廊开", "ໜອງຄາຍ", "", Map.of("th", "หนองคาย"));
        assertThat(folding.rank("หนอง", nki, "NKI")).contains(0);
        assertThat(folding.rank("คาย", nki, "NKI")).contains(1);
        assertThat(folding.rank("หนองคาย", new Names("Nong Khai", "廊开", "ໜອງຄາຍ"), "NKI"))
                .as("without the Thai name")
                .isEmpty();
    }

    @Test
    void aVariantsFileWithTwoCharactersInAFieldIsRefused() {
        assertThatThrownBy(() -> NameFolding.parse("traditional,simplified,source\n西雙,西双,x\n"))
                .isInstanceOf(DataFileException.class);
        assertThat(new NameFolding(Map.of()).fold("萬")).isEqualTo("萬");
    }
}
