package warden.automod;

/** The views of one message that several modules share, each computed at most once. */
final class MessageScan {
    final ChatMessage message;
    /** Markdown removals for a repost, added by the markdown module (censor masks come from the spans). */
    final java.util.List<TextEdit> repostEdits = new java.util.ArrayList<>();
    private NormalizedText normalized;
    private LinkView compactLinks;
    private LinkView links;

    MessageScan(ChatMessage message) {
        this.message = message;
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

    /** Cheap pre-check: links and invites need a dot (or a spelled-out one) somewhere. */
    boolean mayContainLink() {
        String c = message.content();
        return c.indexOf('.') >= 0 || c.indexOf('%') >= 0 || c.indexOf("dot") >= 0 || hasNonAscii(c);
    }

    private static boolean hasNonAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return true;
        return false;
    }
}
