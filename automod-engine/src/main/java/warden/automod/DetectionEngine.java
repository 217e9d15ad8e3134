package warden.automod;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import warden.config.PolicyDocument;
import warden.sanctions.Evidence;

/**
 * Evaluates messages against a guild's compiled automod policy: pure and in memory, apart from the per-member
 * windows of the rate modules. Administrators and bots are always exempt; each module skips its ignored channels
 * and roles.
 */
public final class DetectionEngine {

    private static final Set<AutomodModule> CENSORING =
            EnumSet.of(AutomodModule.VOCABULARY, AutomodModule.INVITES, AutomodModule.LINKS);

    private final MemberRates rates;
    private final InviteDirectory invites;

    public DetectionEngine(MemberRates rates, InviteDirectory invites) {
        this.rates = rates;
        this.invites = invites;
    }

    public static DetectionEngine offline() {
        return new DetectionEngine(new MemberRates(100_000), InviteDirectory.NONE);
    }

    /** The invite codes in a message's text, found as the invite module finds them (obfuscations included). */
    public static Set<String> inviteCodes(String content) {
        return InviteDetector.codesIn(content);
    }

    InviteDirectory invites() {
        return invites;
    }

    public CompiledPolicy compile(PolicyDocument policy) {
        return CompiledPolicy.compile(policy, rates, invites);
    }

    public Evaluation evaluate(ChatMessage message, CompiledPolicy policy) {
        return evaluate(message, policy, false);
    }

    /**
     * An edited message: its new content is checked by every module, but it is no new message, so the rate modules
     * (spam, mentions) do not count it again.
     */
    public Evaluation evaluateEdit(ChatMessage message, CompiledPolicy policy) {
        return evaluate(message, policy, true);
    }

    private Evaluation evaluate(ChatMessage message, CompiledPolicy policy, boolean edit) {
        if (message.authorIsAdmin() || message.authorIsBot()) return Evaluation.CLEAN;
        MessageScan scan = new MessageScan(message, edit);
        List<Violation> violations = null;
        for (Detector detector : policy.detectors()) {
            ModuleSettings settings = detector.settings();
            if (settings.ignoredChannels().contains(message.channel())) continue;
            if (!settings.ignoredRoles().isEmpty()
                    && !Collections.disjoint(settings.ignoredRoles(), message.authorRoles())) continue;
            if (violations == null) violations = new ArrayList<>(1);
            detector.detect(scan, policy.version(), violations);
        }
        if (violations == null || violations.isEmpty()) return Evaluation.CLEAN;
        return new Evaluation(List.copyOf(violations), repost(scan, violations));
    }

    /** A repost replaces the message only when every deleting module asked for one. */
    private static String repost(MessageScan scan, List<Violation> violations) {
        boolean wanted = violations.stream().anyMatch(v -> v.action() == Violation.Action.REPOST);
        boolean plainDelete = violations.stream().anyMatch(v -> v.action() == Violation.Action.DELETE);
        if (!wanted || plainDelete) return null;
        String content = scan.message().content();
        List<TextEdit> edits = new ArrayList<>(scan.repostEdits);
        for (Violation v : violations) {
            if (v.action() != Violation.Action.REPOST || !CENSORING.contains(v.module())) continue;
            for (Evidence.Span span : v.spans()) edits.add(TextEdit.mask(content, span.start(), span.end()));
        }
        return TextEdit.apply(content, edits);
    }
}
