package warden.automod;

import java.time.Duration;
import java.util.List;
import java.util.function.ToIntFunction;
import warden.common.Durations;

/**
 * The two rate modules: message spam (each message weighs one) and excessive mentions (each message weighs its
 * mentions). Each member has a window of message times; more than {@code limit} within it is a violation.
 */
final class RateDetector implements Detector {
    private final AutomodModule module;
    private final ModuleSettings settings;
    private final MemberRates rates;
    private final Duration window;
    private final int limit;
    private final ToIntFunction<ChatMessage> weight;
    private final Violation.Action action;
    private final String reasonCode;
    private final boolean deleteBurst;

    private RateDetector(
            AutomodModule module,
            ModuleSettings settings,
            MemberRates rates,
            Duration window,
            int limit,
            ToIntFunction<ChatMessage> weight,
            Violation.Action action,
            String reasonCode,
            boolean deleteBurst) {
        this.module = module;
        this.settings = settings;
        this.rates = rates;
        this.window = window;
        this.limit = limit;
        this.weight = weight;
        this.action = action;
        this.reasonCode = reasonCode;
        this.deleteBurst = deleteBurst;
    }

    static RateDetector spam(SpamSettings settings, MemberRates rates) {
        return new RateDetector(
                AutomodModule.SPAM,
                settings,
                rates,
                settings.window(),
                settings.limit(),
                m -> 1,
                Violation.Action.DELETE,
                "automod.reason.spam",
                false);
    }

    /**
     * Deleting causes ghost pings: mentions are deleted only when the guild asked for it, and then the whole burst
     * goes, not only the message that crossed the limit.
     */
    static RateDetector mentions(MentionSettings settings, MemberRates rates) {
        return new RateDetector(
                AutomodModule.MENTIONS,
                settings,
                rates,
                settings.window(),
                settings.limit(),
                ChatMessage::mentionCount,
                settings.delete() ? Violation.Action.DELETE : Violation.Action.RECORD_ONLY,
                "automod.reason.mentions",
                settings.delete());
    }

    @Override
    public AutomodModule module() {
        return module;
    }

    @Override
    public ModuleSettings settings() {
        return settings;
    }

    @Override
    public void detect(MessageScan scan, long policyVersion, List<Violation> out) {
        if (scan.edit) return; // counted when it was sent: an edit is no new message, and adds no mention to the window
        ChatMessage m = scan.message();
        int w = weight.applyAsInt(m);
        if (w == 0) return;
        MemberRates.Burst burst = rates.add(
                new MemberRates.Key(m.guild().value(), m.author().value(), module),
                m.timestamp(),
                w,
                window,
                m.channel() == null ? null : new MessageRef(m.channel().toString(), m.id()),
                deleteBurst ? limit : null);
        int count = burst.total();
        if (count <= limit) return;
        out.add(new Violation(
                module,
                List.of(Spans.whole(m.content(), module.key() + ":" + count)),
                List.of(),
                policyVersion,
                action,
                settings.silent(),
                reasonCode,
                List.of(count, Durations.format(window)),
                burst.earlier()));
    }
}
