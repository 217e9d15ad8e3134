package warden.automod;

import java.util.Set;
import java.util.function.UnaryOperator;
import warden.common.ChannelId;
import warden.common.RoleId;

/** Changes to what every module has (on/off, silent, ignored channels and roles), keeping the rest as it is. */
public final class ModuleEdits {

    public record Common(boolean enabled, boolean silent, Set<ChannelId> ignoredChannels, Set<RoleId> ignoredRoles) {
        static Common of(ModuleSettings s) {
            return new Common(s.enabled(), s.silent(), s.ignoredChannels(), s.ignoredRoles());
        }
    }

    private ModuleEdits() {}

    public static AutomodSettings edit(AutomodSettings s, AutomodModule module, UnaryOperator<Common> change) {
        Common c = change.apply(Common.of(s.module(module)));
        return switch (module) {
            case VOCABULARY -> {
                VocabularySettings v = s.vocabulary();
                yield with(
                        s,
                        new VocabularySettings(
                                c.enabled(),
                                c.silent(),
                                c.ignoredChannels(),
                                c.ignoredRoles(),
                                v.words(),
                                v.allowed(),
                                v.blockMessages(),
                                v.censor()));
            }
            case INVITES -> {
                InviteSettings i = s.invites();
                yield with(
                        s,
                        new InviteSettings(
                                c.enabled(),
                                c.silent(),
                                c.ignoredChannels(),
                                c.ignoredRoles(),
                                i.allowedInvites(),
                                i.immuneServers(),
                                i.censor()));
            }
            case LINKS -> {
                LinkSettings l = s.links();
                yield with(
                        s,
                        new LinkSettings(
                                c.enabled(),
                                c.silent(),
                                c.ignoredChannels(),
                                c.ignoredRoles(),
                                l.mode(),
                                l.domains(),
                                l.censor()));
            }
            case CAPS ->
                with(
                        s,
                        new CapsSettings(
                                c.enabled(),
                                c.silent(),
                                c.ignoredChannels(),
                                c.ignoredRoles(),
                                s.caps().maxPercent(),
                                s.caps().minLength()));
            case EMOJIS ->
                with(
                        s,
                        new EmojiSettings(
                                c.enabled(),
                                c.silent(),
                                c.ignoredChannels(),
                                c.ignoredRoles(),
                                s.emojis().minPercent(),
                                s.emojis().minCount()));
            case PINGS -> {
                PingSettings p = s.pings();
                yield with(
                        s,
                        new PingSettings(
                                c.enabled(),
                                c.silent(),
                                c.ignoredChannels(),
                                c.ignoredRoles(),
                                p.forbiddenMembers(),
                                p.forbiddenRoles(),
                                p.blockMessages()));
            }
            case MENTIONS -> {
                MentionSettings m = s.mentions();
                yield with(
                        s,
                        new MentionSettings(
                                c.enabled(),
                                c.silent(),
                                c.ignoredChannels(),
                                c.ignoredRoles(),
                                m.window(),
                                m.limit(),
                                m.delete(),
                                m.blockMessages()));
            }
            case SPAM ->
                with(
                        s,
                        new SpamSettings(
                                c.enabled(),
                                c.silent(),
                                c.ignoredChannels(),
                                c.ignoredRoles(),
                                s.spam().window(),
                                s.spam().limit()));
            case MARKDOWN ->
                with(
                        s,
                        new MarkdownSettings(
                                c.enabled(),
                                c.silent(),
                                c.ignoredChannels(),
                                c.ignoredRoles(),
                                s.markdown().forbidden(),
                                s.markdown().removeMarkdown()));
        };
    }

    public static AutomodSettings with(AutomodSettings s, ModuleSettings m) {
        return new AutomodSettings(
                m instanceof VocabularySettings v ? v : s.vocabulary(),
                m instanceof InviteSettings i ? i : s.invites(),
                m instanceof LinkSettings l ? l : s.links(),
                m instanceof CapsSettings c ? c : s.caps(),
                m instanceof EmojiSettings e ? e : s.emojis(),
                m instanceof PingSettings p ? p : s.pings(),
                m instanceof MentionSettings mm ? mm : s.mentions(),
                m instanceof SpamSettings sp ? sp : s.spam(),
                m instanceof MarkdownSettings md ? md : s.markdown(),
                s.userContent());
    }

    /** Adds or removes {@code value}: the same command toggles. */
    public static <T> Set<T> toggle(Set<T> values, T value) {
        java.util.Set<T> next = new java.util.LinkedHashSet<>(values);
        if (!next.remove(value)) next.add(value);
        return next;
    }
}
