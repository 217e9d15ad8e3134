package warden.automod;

import java.util.ArrayList;
import java.util.List;

/** The normalisation steps that can reveal a match; a violation names the ones its span needed. */
enum Normalization {
    INVISIBLE("invisible-characters"),
    COMPATIBILITY("nfkc"),
    CONFUSABLE("confusables"),
    DIACRITIC("diacritics"),
    LEETSPEAK("leetspeak"),
    SEPARATORS("separators"),
    REPEATED("repeated-letters"),
    MARKDOWN("markdown"),
    URL_ENCODING("url-encoding"),
    CASE("case");

    private final String label;

    Normalization(String label) {
        this.label = label;
    }

    int bit() {
        return 1 << ordinal();
    }

    static List<String> labels(int mask) {
        List<String> labels = new ArrayList<>();
        for (Normalization n : values()) {
            if (n != CASE && (mask & n.bit()) != 0) labels.add(n.label);
        }
        return labels;
    }
}
