package warden.automod;

import java.util.List;
import warden.sanctions.Evidence;

/**
 * What a module found in a message: the matched spans of the original text, what normalisation revealed them,
 * the settings version, and what the module says to do. It becomes the evidence of an infraction as it is.
 *
 * @param reasonCode a key of a message bundle explaining the violation to the member
 * @param burst      earlier messages of the same burst to delete with this one (rate modules)
 */
public record Violation(
        AutomodModule module,
        List<Evidence.Span> spans,
        List<String> revealedBy,
        long policyVersion,
        Action action,
        boolean silent,
        String reasonCode,
        List<Object> reasonArgs,
        List<MessageRef> burst) {

    public enum Action {
        /** Delete the message. */
        DELETE,
        /** Delete it and repost it through a webhook with the offending parts masked or removed. */
        REPOST,
        /** Keep the message; the infraction is still recorded. */
        RECORD_ONLY
    }

    public Violation {
        spans = List.copyOf(spans);
        revealedBy = List.copyOf(revealedBy);
        reasonArgs = reasonArgs == null ? List.of() : List.copyOf(reasonArgs);
        burst = burst == null ? List.of() : List.copyOf(burst);
    }

    public Violation(
            AutomodModule module,
            List<Evidence.Span> spans,
            List<String> revealedBy,
            long policyVersion,
            Action action,
            boolean silent,
            String reasonCode,
            List<Object> reasonArgs) {
        this(module, spans, revealedBy, policyVersion, action, silent, reasonCode, reasonArgs, List.of());
    }

    public Evidence evidence(String channelId, String messageId, String content) {
        return new Evidence(channelId, messageId, content, spans, revealedBy, policyVersion);
    }
}
