package warden.fakediscord;

import static warden.fakediscord.Json.obj;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The refusals of real Discord that the fake enforces, each with Discord's status and JSON error code, so that a
 * call Warden should not make fails a test the way it would fail on a real server. {@link DiscordRulesTest} checks
 * every rule against a table.
 */
final class DiscordRules {

    static final int MAX_WEBHOOKS_PER_CHANNEL = 15;
    static final int MAX_USERNAME = 80;
    static final int MAX_CONTENT = 2000;
    /** Rules per guild by trigger type (1 keyword, 3 spam, 4 keyword preset, 5 mention spam). */
    static final Map<Integer, Integer> MAX_AUTOMOD_RULES = Map.of(1, 6, 3, 1, 4, 1, 5, 1);

    static final int MAX_AUTOMOD_KEYWORDS = 1000;
    static final int MAX_AUTOMOD_KEYWORD_LENGTH = 60;
    static final int MAX_AUTOMOD_EXEMPT_CHANNELS = 50;
    static final int MAX_AUTOMOD_EXEMPT_ROLES = 20;
    static final long INTERACTION_ANSWER_MILLIS = 3_000;
    private static final List<String> FORBIDDEN_IN_NAMES = List.of("discord", "clyde");

    /** A refusal: HTTP status, Discord's code and message. */
    record Refusal(int status, int code, String message) {
        Object body() {
            return obj("message", message, "code", code);
        }
    }

    static final Refusal MISSING_PERMISSIONS = new Refusal(403, 50013, "Missing Permissions");
    static final Refusal MISSING_ACCESS = new Refusal(403, 50001, "Missing Access");

    private final World world;

    DiscordRules(World world) {
        this.world = world;
    }

    /** Discord's permission algorithm: base (everyone and roles), administrator, then the channel's overwrites. */
    long permissions(World.GuildSpec guild, long userId, World.ChannelSpec channel) {
        if (guild.ownerId == userId) return ALL;
        World.MemberSpec member = guild.members.get(userId);
        long base = guild.roles.get(guild.id).permissions();
        if (member != null)
            for (long role : member.roles) base |= guild.roles.get(role).permissions();
        if ((base & Permission.ADMINISTRATOR) != 0) return ALL;
        if (channel == null) return base;
        long permissions = base;
        World.Overwrite everyone = channel.overwrites().get(guild.id);
        if (everyone != null) permissions = (permissions & ~everyone.deny()) | everyone.allow();
        long deny = 0;
        long allow = 0;
        if (member != null) {
            for (long role : member.roles) {
                World.Overwrite o = channel.overwrites().get(role);
                if (o != null && o.type() == 0) {
                    deny |= o.deny();
                    allow |= o.allow();
                }
            }
            World.Overwrite own = channel.overwrites().get(userId);
            permissions = (permissions & ~deny) | allow;
            if (own != null && own.type() == 1) permissions = (permissions & ~own.deny()) | own.allow();
        }
        return permissions;
    }

    private static final long ALL = -1L >>> 1;

    /** The bot needs {@code required} in the channel (and to see it). */
    Optional<Refusal> botInChannel(long channelId, long required) {
        World.ChannelSpec channel = channel(channelId);
        if (channel == null) return Optional.empty(); // a DM channel
        World.GuildSpec guild = world.guild(channel.guildId());
        long permissions = permissions(guild, world.botId, channel);
        if ((permissions & Permission.VIEW_CHANNEL) == 0) return Optional.of(MISSING_ACCESS);
        return (permissions & required) == required ? Optional.empty() : Optional.of(MISSING_PERMISSIONS);
    }

    /** The bot needs {@code required} in the guild, and to rank above the target (who must not own the guild). */
    Optional<Refusal> botOverMember(World.GuildSpec guild, long target, long required) {
        if ((permissions(guild, world.botId, null) & required) != required) return Optional.of(MISSING_PERMISSIONS);
        if (guild.ownerId == target) return Optional.of(MISSING_PERMISSIONS);
        World.MemberSpec member = guild.members.get(target);
        if (member == null) return Optional.empty(); // a ban of someone not (or no longer) in the guild
        if (highestPosition(guild, world.botId) <= highestPosition(guild, target))
            return Optional.of(MISSING_PERMISSIONS);
        return Optional.empty();
    }

    /** Discord refuses to time out a member who is an administrator. */
    Optional<Refusal> canTimeOut(World.GuildSpec guild, long target) {
        Optional<Refusal> over = botOverMember(guild, target, Permission.MODERATE_MEMBERS);
        if (over.isPresent()) return over;
        if ((permissions(guild, target, null) & Permission.ADMINISTRATOR) != 0) return Optional.of(MISSING_PERMISSIONS);
        return Optional.empty();
    }

    int highestPosition(World.GuildSpec guild, long userId) {
        World.MemberSpec member = guild.members.get(userId);
        if (member == null) return 0;
        return member.roles.stream()
                .mapToInt(r -> guild.roles.get(r).position())
                .max()
                .orElse(0);
    }

    /** Webhook names and usernames: 1-80 characters, and never "discord" or "clyde" in any case. */
    Optional<Refusal> webhookName(Object name, String field) {
        if (name == null) return Optional.empty();
        String text = name.toString();
        String lower = text.toLowerCase(Locale.ROOT);
        if (text.isBlank()
                || text.length() > MAX_USERNAME
                || FORBIDDEN_IN_NAMES.stream().anyMatch(lower::contains)) {
            return Optional.of(invalidForm(
                    field,
                    "USERNAME_INVALID_CONTAINS",
                    "Username cannot contain \"discord\" or \"clyde\", and must be 1-80 characters"));
        }
        return Optional.empty();
    }

    Optional<Refusal> content(Object content) {
        if (content != null && content.toString().length() > MAX_CONTENT) {
            return Optional.of(invalidForm("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length."));
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern COMMAND_NAME =
            java.util.regex.Pattern.compile("^[-_\\p{Ll}\\p{Lo}\\p{N}]{1,32}$");
    static final int MAX_COMMAND_DESCRIPTION = 100;

    /**
     * A bulk overwrite of application commands: Discord refuses the whole registration when one name (1-32 lower-case
     * letters, digits, - or _; message menu names are free text of 1-32 characters) or one description (1-100
     * characters) is out of bounds, in any language, at any depth of options.
     */
    @SuppressWarnings("unchecked")
    Optional<Refusal> commands(List<Map<String, Object>> commands) {
        for (int i = 0; i < commands.size(); i++) {
            Map<String, Object> command = commands.get(i);
            boolean menu = Integer.valueOf(3).equals(command.get("type"))
                    || Integer.valueOf(2).equals(command.get("type"));
            Optional<String> problem = commandProblem(command, menu, String.valueOf(i));
            if (problem.isPresent())
                return Optional.of(invalidForm(problem.get(), "BASE_TYPE_BAD_LENGTH", "Invalid name or description"));
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> commandProblem(Map<String, Object> data, boolean menu, String where) {
        List<String> names = new java.util.ArrayList<>();
        names.add(String.valueOf(data.get("name")));
        if (data.get("name_localizations") instanceof Map<?, ?> localized)
            localized.values().forEach(v -> names.add(String.valueOf(v)));
        for (String name : names) {
            if (menu
                    ? name.isEmpty() || name.length() > 32
                    : !COMMAND_NAME.matcher(name).matches()) return Optional.of(where + ".name");
        }
        List<String> descriptions = new java.util.ArrayList<>();
        if (data.get("description") instanceof String d && !menu) descriptions.add(d);
        if (data.get("description_localizations") instanceof Map<?, ?> localized)
            localized.values().forEach(v -> descriptions.add(String.valueOf(v)));
        for (String description : descriptions) {
            if (description.isEmpty() || description.length() > MAX_COMMAND_DESCRIPTION)
                return Optional.of(where + ".description");
        }
        if (data.get("options") instanceof List<?> options) {
            for (int i = 0; i < options.size(); i++) {
                Optional<String> problem =
                        commandProblem((Map<String, Object>) options.get(i), false, where + ".options." + i);
                if (problem.isPresent()) return problem;
            }
        }
        return Optional.empty();
    }

    static Refusal invalidForm(String field, String errorCode, String message) {
        return new Refusal(400, 50035, "Invalid Form Body (" + field + ": " + errorCode + ": " + message + ")");
    }

    private World.ChannelSpec channel(long channelId) {
        for (World.GuildSpec guild : world.guilds.values()) {
            World.ChannelSpec channel = guild.channels.get(channelId);
            if (channel != null) return channel;
        }
        return null;
    }
}
