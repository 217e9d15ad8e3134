package warden.automod;

import java.util.List;

/** Excessive capitals: the share of capital letters among the letters, when there are enough letters. */
final class CapsDetector implements Detector {
    private final CapsSettings settings;

    CapsDetector(CapsSettings settings) {
        this.settings = settings;
    }

    @Override
    public AutomodModule module() {
        return AutomodModule.CAPS;
    }

    @Override
    public ModuleSettings settings() {
        return settings;
    }

    @Override
    public void detect(MessageScan scan, long policyVersion, List<Violation> out) {
        String content = scan.message().content();
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            if (cp == '<') { // mentions, channels and custom emojis (<@123>, <:name:id>) are not shouting
                int close = content.indexOf('>', i);
                if (close > 0 && close - i < 80) {
                    i = close + 1;
                    continue;
                }
            }
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.isUpperCase(cp)) upper++;
            }
            i += Character.charCount(cp);
        }
        if (letters < settings.minLength() || letters == 0) return;
        int percent = upper * 100 / letters;
        if (percent <= settings.maxPercent()) return;
        out.add(new Violation(module(), List.of(Spans.whole(content, "caps:" + percent + "%")), List.of(), policyVersion,
                Violation.Action.DELETE, settings.silent(), "automod.reason.caps", List.of(percent, settings.maxPercent())));
    }
}
