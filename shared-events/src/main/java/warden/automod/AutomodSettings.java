package warden.automod;

import warden.common.InvalidValueException;

/**
 * Every automod setting of a guild: the JSON policy document admins edit (see the README) and what
 * {@code GuildPolicy} stores, versioned, as events.
 */
public record AutomodSettings(
        VocabularySettings vocabulary,
        InviteSettings invites,
        LinkSettings links,
        CapsSettings caps,
        EmojiSettings emojis,
        PingSettings pings,
        MentionSettings mentions,
        SpamSettings spam,
        MarkdownSettings markdown,
        UserContentSettings userContent) {

    public AutomodSettings {
        if (vocabulary == null) vocabulary = VocabularySettings.defaults();
        if (invites == null) invites = InviteSettings.defaults();
        if (links == null) links = LinkSettings.defaults();
        if (caps == null) caps = CapsSettings.defaults();
        if (emojis == null) emojis = EmojiSettings.defaults();
        if (pings == null) pings = PingSettings.defaults();
        if (mentions == null) mentions = MentionSettings.defaults();
        if (spam == null) spam = SpamSettings.defaults();
        if (markdown == null) markdown = MarkdownSettings.defaults();
        if (userContent == null) userContent = UserContentSettings.defaults();
    }

    /** Refuses settings beyond today's limits, naming the module and field; called when a command is made. */
    public void validate() {
        for (AutomodModule module : AutomodModule.values()) {
            try {
                module(module).validate();
            } catch (InvalidValueException e) {
                throw e.within(module.key());
            }
        }
    }

    public static AutomodSettings defaults() {
        return new AutomodSettings(null, null, null, null, null, null, null, null, null, null);
    }

    public ModuleSettings module(AutomodModule module) {
        return switch (module) {
            case VOCABULARY -> vocabulary;
            case INVITES -> invites;
            case LINKS -> links;
            case CAPS -> caps;
            case EMOJIS -> emojis;
            case PINGS -> pings;
            case MENTIONS -> mentions;
            case SPAM -> spam;
            case MARKDOWN -> markdown;
        };
    }
}
