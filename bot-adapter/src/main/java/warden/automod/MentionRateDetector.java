package warden.automod;

import java.util.List;

/** Excessive mentions: more mentions from one member within the window than the limit. */
final class MentionRateDetector implements Detector {
    private final MentionSettings settings;
    private final MemberRates rates;

    MentionRateDetector(MentionSettings settings, MemberRates rates) {
        this.settings = settings;
        this.rates = rates;
    }

    @Override
    public AutomodModule module() {
        return AutomodModule.MENTIONS;
    }

    @Override
    public ModuleSettings settings() {
        return settings;
    }

    @Override
    public void detect(MessageScan scan, long policyVersion, List<Violation> out) {
        ChatMessage m = scan.message();
        if (m.mentionCount() == 0) return;
        int count = rates.add(new MemberRates.Key(m.guild().value(), m.author().value(), module()), m.timestamp(), m.mentionCount(), settings.window());
        if (count <= settings.limit()) return;
        // deleting causes ghost pings: only when the guild asked for it
        out.add(new Violation(module(), List.of(Spans.whole(m.content(), "mentions:" + count)), List.of(), policyVersion,
                settings.delete() ? Violation.Action.DELETE : Violation.Action.RECORD_ONLY, settings.silent(),
                "automod.reason.mentions", List.of(count, warden.common.Durations.format(settings.window()))));
    }
}
