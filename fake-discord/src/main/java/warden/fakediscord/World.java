package warden.fakediscord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The fake's Discord: guilds with roles, channels and members, and the users behind them. */
public final class World {
    /** Discord's epoch (2015-01-01): snowflakes carry their creation time, and JDA reads message times from them. */
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;

    private final AtomicLong sequence = new AtomicLong();
    final Map<Long, GuildSpec> guilds = new LinkedHashMap<>();
    final Map<Long, UserSpec> users = new LinkedHashMap<>();
    final long botId;

    World(long botId) {
        this.botId = botId;
        users.put(botId, new UserSpec(botId, "Warden", true));
    }

    /** A snowflake for now: time-ordered, as Discord's are. */
    public long nextId() {
        return ((System.currentTimeMillis() - DISCORD_EPOCH) << 22) | (sequence.incrementAndGet() & 0x3FFFFF);
    }

    public record UserSpec(long id, String name, boolean bot) {}

    /** A role; what a manager edits is mutable, as on Discord. */
    public static final class RoleSpec {
        final long id;
        volatile String name;
        volatile long permissions;
        volatile int position;
        volatile int color;
        volatile boolean hoist;
        volatile boolean mentionable;
        volatile boolean managed;

        RoleSpec(long id, String name, long permissions, int position) {
            this.id = id;
            this.name = name;
            this.permissions = permissions;
            this.position = position;
        }

        public long id() {
            return id;
        }

        public String name() {
            return name;
        }

        public long permissions() {
            return permissions;
        }

        public int position() {
            return position;
        }

        public int color() {
            return color;
        }

        public boolean hoist() {
            return hoist;
        }

        public boolean mentionable() {
            return mentionable;
        }
    }

    /** Channel types as Discord numbers them. */
    public static final int TEXT = 0, VOICE = 2, CATEGORY = 4;

    /** A channel; {@code overwrites} hold per-role and per-member allow and deny bits, as Discord's do. */
    public static final class ChannelSpec {
        final long id;
        final long guildId;
        final int type;
        final Map<Long, Overwrite> overwrites = new java.util.concurrent.ConcurrentHashMap<>();
        volatile String name;
        volatile Long parentId;
        volatile String topic;
        volatile int slowmode;
        volatile boolean nsfw;
        volatile int position;

        ChannelSpec(long id, long guildId, String name, int type, int position) {
            this.id = id;
            this.guildId = guildId;
            this.name = name;
            this.type = type;
            this.position = position;
        }

        public long id() {
            return id;
        }

        public long guildId() {
            return guildId;
        }

        public String name() {
            return name;
        }

        public int type() {
            return type;
        }

        public Long parentId() {
            return parentId;
        }

        public String topic() {
            return topic;
        }

        public int slowmode() {
            return slowmode;
        }

        public boolean nsfw() {
            return nsfw;
        }

        public int position() {
            return position;
        }

        public Map<Long, Overwrite> overwrites() {
            return overwrites;
        }
    }

    /** A permission overwrite: {@code type} 0 for a role (the guild id for @everyone), 1 for a member. */
    public record Overwrite(long id, int type, long allow, long deny) {}

    public static final class MemberSpec {
        final long userId;
        final List<Long> roles = new ArrayList<>();
        String communicationDisabledUntil;

        MemberSpec(long userId) {
            this.userId = userId;
        }

        public List<Long> roles() {
            return roles;
        }

        public long userId() {
            return userId;
        }

        public String communicationDisabledUntil() {
            return communicationDisabledUntil;
        }
    }

    /** A guild being built or inspected. */
    public final class GuildSpec {
        final long id;
        volatile String name;
        long ownerId;
        Long systemChannel;
        final Map<Long, RoleSpec> roles = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        final Map<Long, ChannelSpec> channels = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        final Map<Long, MemberSpec> members = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        final java.util.Set<Long> bans = new java.util.LinkedHashSet<>();
        /** Why each ban was made, as Discord's ban list shows it (absent when none was given). */
        final Map<Long, String> banReasons = new java.util.concurrent.ConcurrentHashMap<>();
        /** The audit log, oldest first: what was done, by whom, why. */
        final List<Map<String, Object>> auditLog = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        /** Invite code -> the channel it opens. */
        final Map<String, Long> invites = new java.util.concurrent.ConcurrentHashMap<>();

        volatile String vanityCode;
        volatile int verificationLevel;
        /** The incident actions Discord holds for the guild: invites and DMs paused until. */
        volatile String invitesDisabledUntil;

        volatile String dmsDisabledUntil;

        GuildSpec(long id, String name) {
            this.id = id;
            this.name = name;
            roles.put(id, new RoleSpec(id, "@everyone", Permission.EVERYONE, 0));
        }

        public long id() {
            return id;
        }

        /** An invite to this guild, opening {@code channel}. */
        public GuildSpec invite(String code, long channel) {
            invites.put(code, channel);
            return this;
        }

        /** The guild's vanity URL code ({@code discord.gg/code}). */
        public GuildSpec vanity(String code) {
            this.vanityCode = code;
            return this;
        }

        public long role(String name, long permissions) {
            return role(name, permissions, roles.size());
        }

        /** A role at a given position in the hierarchy (higher ranks above lower). */
        public long role(String name, long permissions, int position) {
            long roleId = nextId();
            roles.put(roleId, new RoleSpec(roleId, name, permissions, position));
            return roleId;
        }

        public long channel(String name) {
            return channel(name, TEXT, null);
        }

        /** A channel of a type ({@link #TEXT}, {@link #VOICE}, {@link #CATEGORY}) under a category (or null). */
        public long channel(String name, int type, Long parent) {
            long channelId = nextId();
            ChannelSpec channel = new ChannelSpec(channelId, id, name, type, channels.size());
            channel.parentId = parent;
            channels.put(channelId, channel);
            return channelId;
        }

        public long category(String name) {
            return channel(name, CATEGORY, null);
        }

        /** Sets a text channel's topic, slow mode and age restriction. */
        public GuildSpec textSettings(long channelId, String topic, int slowmode, boolean nsfw) {
            ChannelSpec channel = channels.get(channelId);
            channel.topic = topic;
            channel.slowmode = slowmode;
            channel.nsfw = nsfw;
            return this;
        }

        /** Sets a role's colour, whether it is shown apart and whether anyone may mention it. */
        public GuildSpec roleStyle(long roleId, int color, boolean hoist, boolean mentionable) {
            RoleSpec role = roles.get(roleId);
            role.color = color;
            role.hoist = hoist;
            role.mentionable = mentionable;
            return this;
        }

        /** Allows {@code permissions} to a role or member ({@code type} 0 or 1) in one channel. */
        public GuildSpec allow(long channelId, long targetId, int type, long permissions) {
            channels.get(channelId).overwrites().put(targetId, new Overwrite(targetId, type, permissions, 0));
            return this;
        }

        public String name() {
            return name;
        }

        public RoleSpec roleSpec(long roleId) {
            return roles.get(roleId);
        }

        public ChannelSpec channelSpec(long channelId) {
            return channels.get(channelId);
        }

        public Collection<RoleSpec> roles() {
            synchronized (roles) {
                return List.copyOf(roles.values());
            }
        }

        public Long systemChannel() {
            return systemChannel;
        }

        /** Denies {@code permissions} to a role (or @everyone, the guild id) in one channel. */
        public GuildSpec deny(long channelId, long roleId, long permissions) {
            channels.get(channelId).overwrites().put(roleId, new Overwrite(roleId, 0, 0, permissions));
            return this;
        }

        /** The role id of Warden's own role (the bot's first role). */
        public long wardenRole() {
            return members.get(botId).roles.get(0);
        }

        /** A member, with the given roles; a new user is created for them. */
        public long member(String name, long... roleIds) {
            long userId = nextId();
            users.put(userId, new UserSpec(userId, name, false));
            return addMember(userId, roleIds);
        }

        public long bot(String name, long... roleIds) {
            long userId = nextId();
            users.put(userId, new UserSpec(userId, name, true));
            return addMember(userId, roleIds);
        }

        public long addMember(long userId, long... roleIds) {
            MemberSpec member = new MemberSpec(userId);
            for (long r : roleIds) member.roles.add(r);
            members.put(userId, member);
            return userId;
        }

        /** Warden's own bot joins with a role granting {@code permissions}, placed at {@code position}. */
        public long withWarden(long permissions, int position) {
            long roleId = nextId();
            RoleSpec role = new RoleSpec(roleId, "Warden", permissions, position);
            role.managed = true; // a bot's own role comes with its integration: nobody can assign or delete it
            roles.put(roleId, role);
            addMember(botId, roleId);
            return roleId;
        }

        /** The channel where Discord (and bots) post notices for the server's admins. */
        public GuildSpec systemChannel(long channelId) {
            this.systemChannel = channelId;
            return this;
        }

        public GuildSpec owner(long userId) {
            this.ownerId = userId;
            return this;
        }

        public Collection<MemberSpec> members() {
            synchronized (members) {
                return List.copyOf(members.values());
            }
        }

        public MemberSpec memberOf(long userId) {
            return members.get(userId);
        }

        public Collection<ChannelSpec> channels() {
            synchronized (channels) {
                return List.copyOf(channels.values());
            }
        }

        public boolean banned(long userId) {
            return bans.contains(userId);
        }
    }

    public GuildSpec guild(String name) {
        long id = nextId();
        GuildSpec guild = new GuildSpec(id, name);
        guilds.put(id, guild);
        return guild;
    }

    /** A guild that Discord assigns to {@code shard} of {@code total}: {@code (id >> 22) % total == shard}. */
    public GuildSpec guildOnShard(String name, int shard, int total) {
        long id = nextId();
        while (((id >>> 22) % total) != shard) id += 1L << 22; // a millisecond later: still a valid snowflake
        GuildSpec guild = new GuildSpec(id, name);
        guilds.put(id, guild);
        return guild;
    }

    public GuildSpec guild(long id) {
        return guilds.get(id);
    }

    /** A user (a member of some guild, or Warden itself), or null. */
    public UserSpec user(long id) {
        return users.get(id);
    }

    Map<String, Object> userJson(long userId) {
        UserSpec user = users.get(userId);
        return Json.obj(
                "id",
                Long.toString(userId),
                "username",
                user.name(),
                "discriminator",
                "0",
                "global_name",
                user.name(),
                "avatar",
                null,
                "bot",
                user.bot(),
                "public_flags",
                0);
    }

    Map<String, Object> memberJson(GuildSpec guild, MemberSpec member, boolean withUser) {
        Map<String, Object> json = Json.obj(
                "roles",
                member.roles.stream().map(String::valueOf).toList(),
                "joined_at",
                "2025-01-01T00:00:00.000000+00:00",
                "deaf",
                false,
                "mute",
                false,
                "flags",
                0,
                "pending",
                false,
                "nick",
                null,
                "avatar",
                null,
                "premium_since",
                null,
                "communication_disabled_until",
                member.communicationDisabledUntil);
        if (withUser) json.put("user", userJson(member.userId));
        return json;
    }

    Map<String, Object> channelJson(ChannelSpec channel) {
        List<Object> overwrites = channel.overwrites().values().stream()
                .map(o -> (Object) Json.obj(
                        "id",
                        Long.toString(o.id()),
                        "type",
                        o.type(),
                        "allow",
                        Long.toString(o.allow()),
                        "deny",
                        Long.toString(o.deny())))
                .toList();
        Map<String, Object> json = Json.obj(
                "id",
                Long.toString(channel.id()),
                "type",
                channel.type,
                "guild_id",
                Long.toString(channel.guildId()),
                "name",
                channel.name(),
                "position",
                channel.position,
                "permission_overwrites",
                overwrites,
                "nsfw",
                channel.nsfw,
                "parent_id",
                channel.parentId == null ? null : Long.toString(channel.parentId),
                "flags",
                0);
        if (channel.type == TEXT) {
            json.put("topic", channel.topic);
            json.put("last_message_id", null);
            json.put("rate_limit_per_user", channel.slowmode);
        } else if (channel.type == VOICE) {
            json.put("bitrate", 64000);
            json.put("user_limit", 0);
            json.put("rtc_region", null);
            json.put("last_message_id", null);
            json.put("rate_limit_per_user", 0);
        }
        return json;
    }

    Map<String, Object> roleJson(RoleSpec role) {
        return Json.obj(
                "id",
                Long.toString(role.id()),
                "name",
                role.name(),
                "color",
                role.color,
                "colors",
                Json.obj("primary_color", role.color, "secondary_color", null, "tertiary_color", null),
                "hoist",
                role.hoist,
                "position",
                role.position(),
                "permissions",
                Long.toString(role.permissions()),
                "managed",
                role.managed,
                "mentionable",
                role.mentionable,
                "flags",
                0,
                "icon",
                null,
                "unicode_emoji",
                null,
                "tags",
                role.managed ? Json.obj("bot_id", Long.toString(botId)) : Json.obj());
    }

    /**
     * A guild as GUILD_CREATE carries it. Without the presence intent Discord lists only the bot among the members
     * (the others arrive with their messages, interactions or a member request).
     */
    Map<String, Object> guildCreate(GuildSpec guild, boolean presences) {
        List<Object> channels = new ArrayList<>();
        for (ChannelSpec c : guild.channels()) channels.add(channelJson(c));
        return Json.obj(
                "id",
                Long.toString(guild.id),
                "name",
                guild.name,
                "icon",
                null,
                "owner_id",
                Long.toString(guild.ownerId),
                "afk_timeout",
                300,
                "verification_level",
                guild.verificationLevel,
                "default_message_notifications",
                0,
                "explicit_content_filter",
                0,
                "mfa_level",
                0,
                "features",
                List.of(),
                "premium_tier",
                0,
                "preferred_locale",
                "en-US",
                "nsfw_level",
                0,
                "premium_progress_bar_enabled",
                false,
                "roles",
                guild.roles().stream().map(this::roleJson).toList(),
                "channels",
                channels,
                "threads",
                List.of(),
                "emojis",
                List.of(),
                "stickers",
                List.of(),
                "voice_states",
                List.of(),
                "guild_scheduled_events",
                List.of(),
                "presences",
                List.of(),
                "soundboard_sounds",
                List.of(),
                "stage_instances",
                List.of(),
                "members",
                guild.members().stream()
                        .filter(m -> presences || m.userId == botId)
                        .map(m -> memberJson(guild, m, true))
                        .toList(),
                "member_count",
                guild.members.size(),
                "large",
                false,
                "unavailable",
                false,
                "joined_at",
                "2025-01-01T00:00:00.000000+00:00",
                "system_channel_flags",
                0,
                "system_channel_id",
                guild.systemChannel == null ? null : Long.toString(guild.systemChannel),
                "vanity_url_code",
                guild.vanityCode,
                "incidents_data",
                guild.invitesDisabledUntil == null && guild.dmsDisabledUntil == null
                        ? null
                        : Json.obj(
                                "invites_disabled_until",
                                guild.invitesDisabledUntil,
                                "dms_disabled_until",
                                guild.dmsDisabledUntil));
    }

    /** An invite as {@code GET /invites/{code}} and the guild's invite list return it. */
    Map<String, Object> inviteJson(GuildSpec guild, String code) {
        ChannelSpec channel = guild.channels.get(guild.invites.get(code));
        return Json.obj(
                "type",
                0,
                "code",
                code,
                "guild",
                Json.obj(
                        "id",
                        Long.toString(guild.id),
                        "name",
                        guild.name,
                        "icon",
                        null,
                        "splash",
                        null,
                        "banner",
                        null,
                        "description",
                        null,
                        "features",
                        List.of(),
                        "verification_level",
                        0,
                        "vanity_url_code",
                        guild.vanityCode,
                        "nsfw_level",
                        0,
                        "premium_subscription_count",
                        0),
                "channel",
                Json.obj(
                        "id",
                        Long.toString(channel == null ? guild.id : channel.id()),
                        "name",
                        channel == null ? "general" : channel.name(),
                        "type",
                        0),
                "uses",
                0,
                "max_uses",
                0,
                "max_age",
                0,
                "temporary",
                false,
                "created_at",
                "2025-01-01T00:00:00.000000+00:00",
                "approximate_member_count",
                guild.members.size(),
                "approximate_presence_count",
                0);
    }
}
