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
        MessageStats st = scan.stats();
        int letters = st.letters;
        int upper = st.upper;
        if (letters < settings.minLength() || letters == 0) return;
        int percent = upper * 100 / letters;
        if (percent <= settings.maxPercent()) return;
        out.add(new Violation(
                module(),
                List.of(Spans.whole(content, "caps:" + percent + "%")),
                List.of(),
                policyVersion,
                Violation.Action.DELETE,
                settings.silent(),
                "automod.reason.caps",
                List.of(percent, settings.maxPercent())));
    }
}
