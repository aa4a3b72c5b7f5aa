package org.lancang.gtfs;

import com.google.transit.realtime.GtfsRealtime.TranslatedString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.lancang.network.Names;
import org.lancang.network.Network;
import org.lancang.network.Point;

/**
 * The words of a delay alert in each language Lancang can write it in. A network's alerts are written in English,
 * Chinese and Lao (every network names its points in those) and in each more language its own points are named in
 * (the Bangkok line's {@code name_th}), so a language comes from the data, not from a list of networks here.
 */
final class AlertTexts {
    /** What an alert tells: the train, how late, when it is expected (local time) and where. */
    record Late(String train, long minutes, String at, Names station) {}

    private record Words(String header, String description) {}

    /** The texts by language; {@code %1$s} the train, {@code %2$d} minutes, {@code %3$s} the time, {@code %4$s} where. */
    private static final Map<String, Words> WORDS = words();

    private final List<String> languages;

    private AlertTexts(List<String> languages) {
        this.languages = List.copyOf(languages);
    }

    /** The languages of a network's alerts: English, Chinese, Lao, then those of its names that have words here. */
    static AlertTexts of(Network network) {
        List<String> languages = new ArrayList<>(List.of("en", "zh", "lo"));
        TreeSet<String> more = new TreeSet<>();
        for (Point p : network.points()) {
            more.addAll(p.names().more().keySet());
        }
        more.stream().filter(WORDS::containsKey).forEach(languages::add);
        return new AlertTexts(languages);
    }

    List<String> languages() {
        return languages;
    }

    TranslatedString header(Late late) {
        return translated(late, true);
    }

    TranslatedString description(Late late) {
        return translated(late, false);
    }

    private TranslatedString translated(Late late, boolean header) {
        TranslatedString.Builder text = TranslatedString.newBuilder();
        for (String language : languages) {
            Words words = WORDS.get(language);
            text.addTranslation(TranslatedString.Translation.newBuilder()
                    .setLanguage(language)
                    .setText(String.format(
                            Locale.ROOT,
                            header ? words.header() : words.description(),
                            late.train(),
                            late.minutes(),
                            late.at(),
                            late.station().in(language))));
        }
        return text.build();
    }

    private static Map<String, Words> words() {
        Map<String, Words> words = new LinkedHashMap<>();
        words.put(
                "en",
                new Words(
                        "%1$s is running about %2$d min late",
                        "%1$s is expected at %4$s at %3$s (local time), about %2$d min late."));
        words.put("zh", new Words("%1$s次列车晚点约%2$d分钟", "%1$s次列车预计当地时间%3$s到达%4$s，晚点约%2$d分钟。"));
        words.put(
                "lo",
                new Words(
                        "ລົດໄຟ %1$s ຊ້າປະມານ %2$d ນາທີ",
                        "ລົດໄຟ %1$s ຄາດວ່າຈະຮອດ%4$s ເວລາ %3$s (ເວລາທ້ອງຖິ່ນ), ຊ້າປະມານ %2$d ນາທີ."));
        // Lancang's own Thai, to be checked by a native speaker like the Lao and Chinese texts
        words.put(
                "th",
                new Words(
                        "รถไฟขบวนที่ %1$s ล่าช้าประมาณ %2$d นาที",
                        "รถไฟขบวนที่ %1$s คาดว่าจะถึง%4$s เวลา %3$s น. (เวลาท้องถิ่น) ล่าช้าประมาณ %2$d นาที"));
        return Map.copyOf(words);
    }
}
