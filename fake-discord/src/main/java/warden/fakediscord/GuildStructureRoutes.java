package warden.fakediscord;

import static warden.fakediscord.Json.obj;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The routes that edit a server's structure (settings, roles, channels, permission overwrites, member roles), each with
 * the refusals real Discord makes (a missing permission, a role at or above the bot's highest, an overwrite granting
 * what the bot has not) and the gateway dispatch that keeps the client's cache in step.
 */
final class GuildStructureRoutes {

    private final World world;
    private final DiscordRules rules;
    private final BiConsumer<String, Map<String, Object>> dispatch;

    GuildStructureRoutes(World world, DiscordRules rules, BiConsumer<String, Map<String, Object>> dispatch) {
        this.world = world;
        this.rules = rules;
        this.dispatch = dispatch;
    }

    /** The answer to a structure route, or empty when {@code route} is not one of them. */
    Optional<FakeDiscord.Reply> route(String route, String[] p, Map<String, Object> body) {
        return Optional.ofNullable(
                switch (route) {
                    case "PATCH guilds/{id}" -> guild(id(p[1]), body);
                    case "POST guilds/{id}/roles" -> createRole(id(p[1]), body);
                    case "PATCH guilds/{id}/roles" -> rolePositions(id(p[1]), body);
                    case "PATCH guilds/{id}/roles/{id}" -> editRole(id(p[1]), id(p[3]), body);
                    case "DELETE guilds/{id}/roles/{id}" -> deleteRole(id(p[1]), id(p[3]));
                    case "POST guilds/{id}/channels" -> createChannel(id(p[1]), body);
                    case "PATCH guilds/{id}/channels" -> channelPositions(id(p[1]), body);
                    case "PATCH channels/{id}" -> editChannel(id(p[1]), body);
                    case "DELETE channels/{id}" -> deleteChannel(id(p[1]));
                    case "PUT channels/{id}/permissions/{id}" -> putOverwrite(id(p[1]), id(p[3]), body);
                    case "DELETE channels/{id}/permissions/{id}" -> deleteOverwrite(id(p[1]), id(p[3]));
                    case "PUT guilds/{id}/members/{id}/roles/{id}" -> memberRole(id(p[1]), id(p[3]), id(p[5]), true);
                    case "DELETE guilds/{id}/members/{id}/roles/{id}" ->
                        memberRole(id(p[1]), id(p[3]), id(p[5]), false);
                    default -> null;
                });
    }

    private static long id(String text) {
        return Long.parseLong(text);
    }

    private long botPermissions(World.GuildSpec guild) {
        return rules.permissions(guild, world.botId, null);
    }

    private FakeDiscord.Reply lacking(World.GuildSpec guild, long permission) {
        return (botPermissions(guild) & permission) == permission
                ? null
                : FakeDiscord.Reply.refused(DiscordRules.MISSING_PERMISSIONS);
    }

    private FakeDiscord.Reply guild(long guildId, Map<String, Object> body) {
        World.GuildSpec guild = world.guild(guildId);
        FakeDiscord.Reply refused = lacking(guild, Permission.MANAGE_GUILD);
        if (refused != null) return refused;
        if (body.get("verification_level") instanceof Number level) guild.verificationLevel = level.intValue();
        if (body.get("name") instanceof String name) {
            if (name.length() < 2 || name.length() > 100)
                return FakeDiscord.Reply.refused(DiscordRules.invalidForm(
                        "name", "BASE_TYPE_BAD_LENGTH", "Must be between 2 and 100 in length."));
            guild.name = name;
        }
        if (body.containsKey("system_channel_id")) {
            Object channel = body.get("system_channel_id");
            guild.systemChannel = channel == null ? null : Long.parseLong(channel.toString());
        }
        Map<String, Object> json = world.guildCreate(guild, false);
        dispatch.accept("GUILD_UPDATE", json);
        return new FakeDiscord.Reply(200, json);
    }

    // ------------------------------------------------------------------ roles

    private FakeDiscord.Reply createRole(long guildId, Map<String, Object> body) {
        World.GuildSpec guild = world.guild(guildId);
        FakeDiscord.Reply refused = lacking(guild, Permission.MANAGE_ROLES);
        if (refused != null) return refused;
        long permissions = body.get("permissions") == null
                ? Permission.EVERYONE
                : Long.parseLong(body.get("permissions").toString());
        if ((permissions & ~botPermissions(guild)) != 0 && (botPermissions(guild) & Permission.ADMINISTRATOR) == 0) {
            return FakeDiscord.Reply.refused(DiscordRules.MISSING_PERMISSIONS);
        }
        // Discord puts a new role at the bottom, just above @everyone
        synchronized (guild.roles) {
            for (World.RoleSpec other : guild.roles.values()) if (other.id != guildId) other.position++;
        }
        long roleId = world.nextId();
        World.RoleSpec role =
                new World.RoleSpec(roleId, String.valueOf(body.getOrDefault("name", "new role")), permissions, 1);
        applyStyle(role, body);
        guild.roles.put(roleId, role);
        dispatch.accept("GUILD_ROLE_CREATE", obj("guild_id", Long.toString(guildId), "role", world.roleJson(role)));
        return new FakeDiscord.Reply(200, world.roleJson(role));
    }

    private static void applyStyle(World.RoleSpec role, Map<String, Object> body) {
        if (body.get("color") instanceof Number color) role.color = color.intValue();
        if (body.get("colors") instanceof Map<?, ?> colors && colors.get("primary_color") instanceof Number color)
            role.color = color.intValue();
        if (body.get("hoist") instanceof Boolean hoist) role.hoist = hoist;
        if (body.get("mentionable") instanceof Boolean mentionable) role.mentionable = mentionable;
    }

    /** The bot may edit a role only below its own highest role, never a managed one. */
    private FakeDiscord.Reply editable(World.GuildSpec guild, World.RoleSpec role) {
        if (role == null) return FakeDiscord.Reply.notFound(10011, "Unknown Role");
        FakeDiscord.Reply refused = lacking(guild, Permission.MANAGE_ROLES);
        if (refused != null) return refused;
        if (role.position >= rules.highestPosition(guild, world.botId) && guild.ownerId != world.botId) {
            return FakeDiscord.Reply.refused(DiscordRules.MISSING_PERMISSIONS);
        }
        return null;
    }

    private FakeDiscord.Reply editRole(long guildId, long roleId, Map<String, Object> body) {
        World.GuildSpec guild = world.guild(guildId);
        World.RoleSpec role = guild.roles.get(roleId);
        FakeDiscord.Reply refused =
                role != null && role.id == guildId ? lacking(guild, Permission.MANAGE_ROLES) : editable(guild, role);
        if (refused != null) return refused;
        if (body.get("name") instanceof String name) role.name = name;
        if (body.get("permissions") != null)
            role.permissions = Long.parseLong(body.get("permissions").toString());
        applyStyle(role, body);
        dispatch.accept("GUILD_ROLE_UPDATE", obj("guild_id", Long.toString(guildId), "role", world.roleJson(role)));
        return new FakeDiscord.Reply(200, world.roleJson(role));
    }

    private FakeDiscord.Reply deleteRole(long guildId, long roleId) {
        World.GuildSpec guild = world.guild(guildId);
        World.RoleSpec role = guild.roles.get(roleId);
        if (role != null && (role.id == guildId || role.managed)) {
            return FakeDiscord.Reply.refused(new DiscordRules.Refusal(400, 50028, "Invalid Role"));
        }
        FakeDiscord.Reply refused = editable(guild, role);
        if (refused != null) return refused;
        removeRole(guild, roleId);
        return FakeDiscord.Reply.noContent();
    }

    void removeRole(World.GuildSpec guild, long roleId) {
        guild.roles.remove(roleId);
        for (World.MemberSpec member : guild.members()) member.roles.remove(Long.valueOf(roleId));
        for (World.ChannelSpec channel : guild.channels()) channel.overwrites.remove(roleId);
        dispatch.accept(
                "GUILD_ROLE_DELETE", obj("guild_id", Long.toString(guild.id), "role_id", Long.toString(roleId)));
    }

    @SuppressWarnings("unchecked")
    private FakeDiscord.Reply rolePositions(long guildId, Map<String, Object> body) {
        World.GuildSpec guild = world.guild(guildId);
        FakeDiscord.Reply refused = lacking(guild, Permission.MANAGE_ROLES);
        if (refused != null) return refused;
        int botTop = rules.highestPosition(guild, world.botId);
        List<Map<String, Object>> items = (List<Map<String, Object>>) body.getOrDefault("items", List.of());
        for (Map<String, Object> item : items) {
            World.RoleSpec role = guild.roles.get(Long.parseLong(item.get("id").toString()));
            if (role == null) return FakeDiscord.Reply.notFound(10011, "Unknown Role");
            int position = ((Number) item.get("position")).intValue();
            if (role.position != position && (role.position >= botTop || position >= botTop)) {
                return FakeDiscord.Reply.refused(DiscordRules.MISSING_PERMISSIONS);
            }
        }
        for (Map<String, Object> item : items) {
            World.RoleSpec role = guild.roles.get(Long.parseLong(item.get("id").toString()));
            int position = ((Number) item.get("position")).intValue();
            if (role.position == position) continue;
            role.position = position;
            dispatch.accept("GUILD_ROLE_UPDATE", obj("guild_id", Long.toString(guildId), "role", world.roleJson(role)));
        }
        return new FakeDiscord.Reply(
                200, guild.roles().stream().map(world::roleJson).toList());
    }

    // ------------------------------------------------------------------ channels

    private FakeDiscord.Reply createChannel(long guildId, Map<String, Object> body) {
        World.GuildSpec guild = world.guild(guildId);
        FakeDiscord.Reply refused = lacking(guild, Permission.MANAGE_CHANNELS);
        if (refused != null) return refused;
        Object name = body.get("name");
        if (!(name instanceof String text) || text.isEmpty() || text.length() > 100) {
            return FakeDiscord.Reply.refused(
                    DiscordRules.invalidForm("name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."));
        }
        int type = body.get("type") instanceof Number t ? t.intValue() : World.TEXT;
        Long parent = body.get("parent_id") == null
                ? null
                : Long.parseLong(body.get("parent_id").toString());
        if (parent != null
                && (guild.channels.get(parent) == null || guild.channels.get(parent).type != World.CATEGORY)) {
            return FakeDiscord.Reply.refused(
                    DiscordRules.invalidForm("parent_id", "CHANNEL_PARENT_INVALID", "Not a category"));
        }
        List<World.Overwrite> overwrites = overwrites(body);
        refused = grantable(guild, overwrites);
        if (refused != null) return refused;
        long channelId = world.guild(guildId).channel(text, type, parent);
        World.ChannelSpec channel = guild.channels.get(channelId);
        if (body.get("position") instanceof Number position) channel.position = position.intValue();
        applySettings(channel, body);
        for (World.Overwrite o : overwrites) channel.overwrites.put(o.id(), o);
        dispatch.accept("CHANNEL_CREATE", world.channelJson(channel));
        return new FakeDiscord.Reply(200, world.channelJson(channel));
    }

    private static void applySettings(World.ChannelSpec channel, Map<String, Object> body) {
        if (body.containsKey("topic"))
            channel.topic = body.get("topic") == null ? null : body.get("topic").toString();
        if (body.get("rate_limit_per_user") instanceof Number slowmode) channel.slowmode = slowmode.intValue();
        if (body.get("nsfw") instanceof Boolean nsfw) channel.nsfw = nsfw;
    }

    @SuppressWarnings("unchecked")
    private static List<World.Overwrite> overwrites(Map<String, Object> body) {
        List<World.Overwrite> overwrites = new ArrayList<>();
        if (body.get("permission_overwrites") instanceof List<?> list) {
            for (Object item : list) {
                Map<String, Object> o = (Map<String, Object>) item;
                overwrites.add(new World.Overwrite(
                        Long.parseLong(o.get("id").toString()),
                        ((Number) o.get("type")).intValue(),
                        Long.parseLong(String.valueOf(o.getOrDefault("allow", "0"))),
                        Long.parseLong(String.valueOf(o.getOrDefault("deny", "0")))));
            }
        }
        return overwrites;
    }

    /** Without Administrator, a bot can only allow or deny in an overwrite what it has itself. */
    private FakeDiscord.Reply grantable(World.GuildSpec guild, List<World.Overwrite> overwrites) {
        long own = botPermissions(guild);
        if ((own & Permission.ADMINISTRATOR) != 0) return null;
        for (World.Overwrite o : overwrites) {
            if (((o.allow() | o.deny()) & ~own) != 0)
                return FakeDiscord.Reply.refused(DiscordRules.MISSING_PERMISSIONS);
        }
        return null;
    }

    private FakeDiscord.Reply editChannel(long channelId, Map<String, Object> body) {
        World.GuildSpec guild = guildOf(channelId);
        if (guild == null) return FakeDiscord.Reply.notFound(10003, "Unknown Channel");
        FakeDiscord.Reply refused = lacking(guild, Permission.MANAGE_CHANNELS);
        if (refused != null) return refused;
        World.ChannelSpec channel = guild.channels.get(channelId);
        if (body.containsKey("permission_overwrites")) {
            List<World.Overwrite> overwrites = overwrites(body);
            refused = grantable(guild, overwrites);
            if (refused != null) return refused;
            channel.overwrites.clear();
            for (World.Overwrite o : overwrites) channel.overwrites.put(o.id(), o);
        }
        if (body.get("name") instanceof String name) channel.name = name;
        if (body.containsKey("parent_id"))
            channel.parentId = body.get("parent_id") == null
                    ? null
                    : Long.parseLong(body.get("parent_id").toString());
        if (body.get("position") instanceof Number position) channel.position = position.intValue();
        applySettings(channel, body);
        dispatch.accept("CHANNEL_UPDATE", world.channelJson(channel));
        return new FakeDiscord.Reply(200, world.channelJson(channel));
    }

    private FakeDiscord.Reply deleteChannel(long channelId) {
        World.GuildSpec guild = guildOf(channelId);
        if (guild == null) return FakeDiscord.Reply.notFound(10003, "Unknown Channel");
        FakeDiscord.Reply refused = lacking(guild, Permission.MANAGE_CHANNELS);
        if (refused != null) return refused;
        return new FakeDiscord.Reply(200, world.channelJson(removeChannel(guild, channelId)));
    }

    /** Deletes a channel; a deleted category's channels stay, without a category, as on Discord. */
    World.ChannelSpec removeChannel(World.GuildSpec guild, long channelId) {
        World.ChannelSpec channel = guild.channels.remove(channelId);
        dispatch.accept("CHANNEL_DELETE", world.channelJson(channel));
        for (World.ChannelSpec child : guild.channels()) {
            if (Long.valueOf(channelId).equals(child.parentId)) {
                child.parentId = null;
                dispatch.accept("CHANNEL_UPDATE", world.channelJson(child));
            }
        }
        return channel;
    }

    @SuppressWarnings("unchecked")
    private FakeDiscord.Reply channelPositions(long guildId, Map<String, Object> body) {
        World.GuildSpec guild = world.guild(guildId);
        FakeDiscord.Reply refused = lacking(guild, Permission.MANAGE_CHANNELS);
        if (refused != null) return refused;
        List<Map<String, Object>> items = (List<Map<String, Object>>) body.getOrDefault("items", List.of());
        for (Map<String, Object> item : items) {
            if (guild.channels.get(Long.parseLong(item.get("id").toString())) == null)
                return FakeDiscord.Reply.notFound(10003, "Unknown Channel");
        }
        for (Map<String, Object> item : items) {
            World.ChannelSpec channel =
                    guild.channels.get(Long.parseLong(item.get("id").toString()));
            if (item.get("position") instanceof Number position) channel.position = position.intValue();
            if (item.containsKey("parent_id"))
                channel.parentId = item.get("parent_id") == null
                        ? null
                        : Long.parseLong(item.get("parent_id").toString());
            dispatch.accept("CHANNEL_UPDATE", world.channelJson(channel));
        }
        return FakeDiscord.Reply.noContent();
    }

    private FakeDiscord.Reply putOverwrite(long channelId, long targetId, Map<String, Object> body) {
        World.GuildSpec guild = guildOf(channelId);
        if (guild == null) return FakeDiscord.Reply.notFound(10003, "Unknown Channel");
        FakeDiscord.Reply refused = lacking(guild, Permission.MANAGE_ROLES);
        if (refused != null) return refused;
        World.Overwrite overwrite = new World.Overwrite(
                targetId,
                ((Number) body.getOrDefault("type", 0)).intValue(),
                Long.parseLong(String.valueOf(body.getOrDefault("allow", "0"))),
                Long.parseLong(String.valueOf(body.getOrDefault("deny", "0"))));
        refused = grantable(guild, List.of(overwrite));
        if (refused != null) return refused;
        World.ChannelSpec channel = guild.channels.get(channelId);
        channel.overwrites.put(targetId, overwrite);
        dispatch.accept("CHANNEL_UPDATE", world.channelJson(channel));
        return FakeDiscord.Reply.noContent();
    }

    private FakeDiscord.Reply deleteOverwrite(long channelId, long targetId) {
        World.GuildSpec guild = guildOf(channelId);
        if (guild == null) return FakeDiscord.Reply.notFound(10003, "Unknown Channel");
        FakeDiscord.Reply refused = lacking(guild, Permission.MANAGE_ROLES);
        if (refused != null) return refused;
        World.ChannelSpec channel = guild.channels.get(channelId);
        channel.overwrites.remove(targetId);
        dispatch.accept("CHANNEL_UPDATE", world.channelJson(channel));
        return FakeDiscord.Reply.noContent();
    }

    private FakeDiscord.Reply memberRole(long guildId, long userId, long roleId, boolean add) {
        World.GuildSpec guild = world.guild(guildId);
        World.MemberSpec member = guild.members.get(userId);
        if (member == null) return FakeDiscord.Reply.notFound(10007, "Unknown Member");
        World.RoleSpec role = guild.roles.get(roleId);
        if (role != null && role.managed) return FakeDiscord.Reply.refused(DiscordRules.MISSING_PERMISSIONS);
        FakeDiscord.Reply refused = editable(guild, role);
        if (refused != null) return refused;
        if (add && !member.roles.contains(roleId)) member.roles.add(roleId);
        if (!add) member.roles.remove(Long.valueOf(roleId));
        Map<String, Object> json = world.memberJson(guild, member, true);
        json.put("guild_id", Long.toString(guildId));
        dispatch.accept("GUILD_MEMBER_UPDATE", json);
        return FakeDiscord.Reply.noContent();
    }

    World.GuildSpec guildOf(long channelId) {
        for (World.GuildSpec guild : world.guilds.values()) {
            if (guild.channels.containsKey(channelId)) return guild;
        }
        return null;
    }
}
