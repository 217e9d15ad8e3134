package warden.automod;

/** The views of one message that several modules share, each computed at most once. */
final class MessageScan {
    final ChatMessage message;
    /** Markdown removals for a repost, added by the markdown module (censor masks come from the spans). */
    final java.util.List<TextEdit> repostEdits = new java.util.ArrayList<>();

    private NormalizedText normalized;
    private LinkView compactLinks;
    private LinkView links;
    private MessageStats stats;

    /** Whether the message is an edit of one already seen: its content is new, but it is no new message. */
    final boolean edit;

    MessageScan(ChatMessage message) {
        this(message, false);
    }

    MessageScan(ChatMessage message, boolean edit) {
        this.message = message;
        this.edit = edit;
    }

    ChatMessage message() {
        return message;
    }

    NormalizedText normalized() {
        if (normalized == null) normalized = TextNormalizer.normalize(message.content());
        return normalized;
    }

    LinkView compactLinks() {
        if (compactLinks == null) compactLinks = LinkView.of(message.content(), true);
        return compactLinks;
    }

    LinkView links() {
        if (links == null) links = LinkView.of(message.content(), false);
        return links;
    }

    MessageStats stats() {
        if (stats == null) stats = MessageStats.of(message.content());
        return stats;
    }

    /**
     * Sound pre-check for invites: every invite form has a slash, written as such, URL-encoded ({@code %2F}) or
     * fullwidth ({@code ／}).
     */
    boolean mayContainInvite() {
        MessageStats st = stats();
        return st.slash || st.percent;
    }

    /**
     * Sound pre-check for links: a link needs a dot between two letters or digits, a scheme, or a dot written in
     * another way (spelled out, URL-encoded, fullwidth), which the full view then reveals.
     */
    boolean mayContainLink() {
        return stats().linkHint;
    }
}
