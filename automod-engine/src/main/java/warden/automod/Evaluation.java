package warden.automod;

import java.util.List;

/**
 * The engine's verdict on one message.
 *
 * @param repost the text to repost through a webhook (masked, without forbidden markdown) when a module asks for
 *               it and no module asks for a plain deletion; null otherwise
 */
public record Evaluation(List<Violation> violations, String repost) {

    public static final Evaluation CLEAN = new Evaluation(List.of(), null);

    public boolean flagged() {
        return !violations.isEmpty();
    }

    public boolean deletes() {
        return violations.stream().anyMatch(v -> v.action() != Violation.Action.RECORD_ONLY);
    }
}
