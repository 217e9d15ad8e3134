package warden.automod;

import java.util.List;

/** Message spam: more messages from one member within the window than the limit. */
final class SpamDetector implements Detector {
    private final SpamSettings settings;
    private final MemberRates rates;

    SpamDetector(SpamSettings settings, MemberRates rates) {
        this.settings = settings;
        this.rates = rates;
    }

    @Override
    public AutomodModule module() {
        return AutomodModule.SPAM;
    }

    @Override
    public ModuleSettings settings() {
        return settings;
    }

    @Override
    public void detect(MessageScan scan, long policyVersion, List<Violation> out) {
        ChatMessage m = scan.message();
        int count = rates.add(new MemberRates.Key(m.guild().value(), m.author().value(), module()), m.timestamp(), 1, settings.window());
        if (count <= settings.limit()) return;
        out.add(new Violation(module(), List.of(Spans.whole(m.content(), "messages:" + count)), List.of(), policyVersion,
                Violation.Action.DELETE, settings.silent(), "automod.reason.spam",
                List.of(count, warden.common.Durations.format(settings.window()))));
    }
}
