package warden.automod;

import java.util.ArrayList;
import java.util.List;
import warden.config.PolicyDocument;
import warden.sanctions.Evidence;

/**
 * Checks text users submit through Warden's own features (relayed interserver messages, names they give) against
 * the guild's vocabulary, invite and link rules, as the "user content moderation" module says: in block mode the
 * text is refused with the reasons, in censor mode the offending parts are masked. The modules' own on/off
 * switches, channels and roles do not apply here; this module's switches do.
 */
public final class UserContentModerator {

    public record Result(boolean allowed, String text, List<String> reasonCodes, List<Evidence.Span> spans) {
        static Result untouched(String text) {
            return new Result(true, text, List.of(), List.of());
        }
    }

    private final DetectionEngine engine;

    public UserContentModerator(DetectionEngine engine) {
        this.engine = engine;
    }

    public Result check(String text, PolicyDocument policy) {
        UserContentSettings settings = policy.automod().userContent();
        if (!settings.enabled() || text == null || text.isBlank()) return Result.untouched(text);
        AutomodSettings a = policy.automod();
        List<Detector> detectors = new ArrayList<>();
        if (settings.words()) detectors.add(new VocabularyDetector(a.vocabulary()));
        if (settings.invites())
            detectors.add(new InviteDetector(a.invites(), policy.guild(), engine.invites(), policy.premium()));
        if (settings.links()) detectors.add(new LinkDetector(a.links()));
        ChatMessage message = new ChatMessage(
                "user-content",
                policy.guild(),
                null,
                null,
                null,
                false,
                false,
                text,
                null,
                null,
                false,
                java.time.Instant.EPOCH);
        MessageScan scan = new MessageScan(message);
        List<Violation> violations = new ArrayList<>();
        for (Detector detector : detectors) detector.detect(scan, policy.version(), violations);
        if (violations.isEmpty()) return Result.untouched(text);
        List<String> reasons =
                violations.stream().map(Violation::reasonCode).distinct().toList();
        List<Evidence.Span> spans =
                violations.stream().flatMap(v -> v.spans().stream()).toList();
        if (settings.mode() == UserContentSettings.Mode.BLOCK) return new Result(false, null, reasons, spans);
        List<TextEdit> masks =
                spans.stream().map(s -> TextEdit.mask(text, s.start(), s.end())).toList();
        return new Result(true, TextEdit.apply(text, masks), reasons, spans);
    }
}
