package warden.automod;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.common.RoleId;
import warden.common.UserId;

/**
 * Streams a channel export in DiscordChatExporter's JSON format ({@code guild}, {@code channel}, {@code messages[]})
 * into {@link ChatMessage}s, one message in memory at a time, so that exports of any size can be replayed. Every kind
 * of export it writes is read: guild channels, threads and forum posts, DMs and group DMs (guild id {@code "0"}: they
 * get {@link #NO_GUILD}), older versions without roles or nicknames. System messages (joins, pins, calls...) are
 * skipped and a message id seen twice is read once; both are counted.
 */
final class ChatExportReader {

    /** The guild of a DM or group export, which has none: guild-scoped settings do not apply there. */
    static final GuildId NO_GUILD = GuildId.of(1);
    /** Message types that carry what a member wrote; the others are Discord's own notices. */
    private static final Set<String> WRITTEN =
            Set.of("Default", "Reply", "ThreadStarterMessage", "ChatInputCommand", "ContextMenuCommand");

    /** What a file held besides the messages read. */
    static final class Stats {
        long messages;
        long system;
        long duplicates;
        boolean noGuild;
        String channelName;
    }

    private static final Pattern ROLE_MENTION = Pattern.compile("<@&(\\d{1,20})>");

    /** A problem in the export, with where it is. */
    static final class ExportException extends Exception {
        ExportException(String message) {
            super(message);
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();

    /** Reads every message and returns how many there were. */
    long read(InputStream in, String name, Consumer<ChatMessage> sink) throws IOException, ExportException {
        return read(in, name, sink, new Stats()).messages;
    }

    Stats read(InputStream in, String name, Consumer<ChatMessage> sink, Stats stats)
            throws IOException, ExportException {
        Set<String> seen = new HashSet<>();
        try (JsonParser parser = new JsonFactory().setCodec(mapper).createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT)
                throw problem(parser, name, "the export must be a JSON object");
            GuildId guild = null;
            ChannelId channel = null;
            long count = 0;
            boolean sawMessages = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "guild" -> {
                        String id = id(parser.readValueAsTree(), "guild.id", parser, name);
                        stats.noGuild = id.chars().allMatch(c -> c == '0');
                        guild = stats.noGuild ? NO_GUILD : GuildId.of(id);
                    }
                    case "channel" -> {
                        JsonNode node = parser.readValueAsTree();
                        channel = ChannelId.of(id(node, "channel.id", parser, name));
                        stats.channelName = node.path("name").asText(channel.toString());
                    }
                    case "messages" -> {
                        sawMessages = true;
                        if (guild == null || channel == null) {
                            throw problem(parser, name, "\"guild\" and \"channel\" must come before \"messages\"");
                        }
                        if (parser.currentToken() != JsonToken.START_ARRAY)
                            throw problem(parser, name, "\"messages\" must be an array");
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            JsonNode node = parser.readValueAsTree();
                            String type = node.path("type").asText("Default");
                            if (!WRITTEN.contains(type)) {
                                stats.system++;
                                continue;
                            }
                            if (!seen.add(node.path("id").asText())) {
                                stats.duplicates++;
                                continue;
                            }
                            sink.accept(message(node, guild, channel, parser, name));
                            count++;
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (!sawMessages) throw problem(parser, name, "no \"messages\" array");
            stats.messages = count;
            return stats;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw new ExportException(name + ":" + (at == null ? "?" : at.getLineNr() + ":" + at.getColumnNr())
                    + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static ChatMessage message(JsonNode node, GuildId guild, ChannelId channel, JsonParser parser, String name)
            throws ExportException {
        String id = text(node, "id", parser, name);
        OffsetDateTime timestamp;
        try {
            timestamp = OffsetDateTime.parse(text(node, "timestamp", parser, name));
        } catch (DateTimeParseException e) {
            throw problem(parser, name, "message " + id + ": \"timestamp\" is not an ISO-8601 date-time");
        }
        JsonNode author = node.path("author");
        UserId authorId;
        try {
            authorId = UserId.of(id(author, "author.id", parser, name));
        } catch (warden.common.InvalidValueException e) {
            throw problem(parser, name, "message " + id + ": \"author.id\" is not a snowflake");
        }
        Set<RoleId> roles = new HashSet<>();
        for (JsonNode role : author.path("roles")) {
            if (isSnowflake(role.path("id"))) roles.add(RoleId.of(role.get("id").asText()));
        }
        Set<UserId> mentioned = new HashSet<>();
        for (JsonNode mention : node.path("mentions")) {
            if (isSnowflake(mention.path("id")))
                mentioned.add(UserId.of(mention.get("id").asText()));
        }
        String content = node.path("content").asText("");
        Set<RoleId> mentionedRoles = new HashSet<>();
        Matcher m = ROLE_MENTION.matcher(content);
        while (m.find()) if (!m.group(1).chars().allMatch(c -> c == '0')) mentionedRoles.add(RoleId.of(m.group(1)));
        boolean everyone = content.contains("@everyone") || content.contains("@here");
        return new ChatMessage(
                id,
                guild,
                channel,
                authorId,
                roles,
                false,
                author.path("isBot").asBoolean(false),
                content,
                mentioned,
                mentionedRoles,
                everyone,
                timestamp.toInstant());
    }

    private static boolean isSnowflake(JsonNode id) {
        return id.isValueNode()
                && id.asText().matches("\\d{1,20}")
                && !id.asText().chars().allMatch(c -> c == '0');
    }

    private static String text(JsonNode node, String field, JsonParser parser, String name) throws ExportException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw problem(parser, name, "a message has no \"" + field + "\"");
        }
        return value.asText();
    }

    private static String id(JsonNode node, String path, JsonParser parser, String name) throws ExportException {
        JsonNode value = node.get("id");
        if (value == null || !value.asText().matches("\\d{1,20}"))
            throw problem(parser, name, "\"" + path + "\" is missing or not a snowflake");
        return value.asText();
    }

    private static ExportException problem(JsonParser parser, String name, String what) {
        var at = parser.currentLocation();
        return new ExportException(name + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + what);
    }
}
