package warden.automod;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.common.RoleId;
import warden.common.UserId;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams a channel export in DiscordChatExporter's JSON format ({@code guild}, {@code channel}, {@code messages[]})
 * into {@link ChatMessage}s, one message in memory at a time, so that exports of any size can be replayed.
 */
final class ChatExportReader {

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
        try (JsonParser parser = new JsonFactory().setCodec(mapper).createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) throw problem(parser, name, "the export must be a JSON object");
            GuildId guild = null;
            ChannelId channel = null;
            long count = 0;
            boolean sawMessages = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "guild" -> guild = GuildId.of(id(parser.readValueAsTree(), "guild.id", parser, name));
                    case "channel" -> channel = ChannelId.of(id(parser.readValueAsTree(), "channel.id", parser, name));
                    case "messages" -> {
                        sawMessages = true;
                        if (guild == null || channel == null) {
                            throw problem(parser, name, "\"guild\" and \"channel\" must come before \"messages\"");
                        }
                        if (parser.currentToken() != JsonToken.START_ARRAY) throw problem(parser, name, "\"messages\" must be an array");
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            JsonNode node = parser.readValueAsTree();
                            sink.accept(message(node, guild, channel, parser, name));
                            count++;
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (!sawMessages) throw problem(parser, name, "no \"messages\" array");
            return count;
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
        UserId authorId = UserId.of(id(author, "author.id", parser, name));
        Set<RoleId> roles = new HashSet<>();
        for (JsonNode role : author.path("roles")) {
            if (role.hasNonNull("id")) roles.add(RoleId.of(role.get("id").asText()));
        }
        Set<UserId> mentioned = new HashSet<>();
        for (JsonNode mention : node.path("mentions")) {
            if (mention.hasNonNull("id")) mentioned.add(UserId.of(mention.get("id").asText()));
        }
        String content = node.path("content").asText("");
        Set<RoleId> mentionedRoles = new HashSet<>();
        Matcher m = ROLE_MENTION.matcher(content);
        while (m.find()) mentionedRoles.add(RoleId.of(m.group(1)));
        boolean everyone = content.contains("@everyone") || content.contains("@here");
        return new ChatMessage(id, guild, channel, authorId, roles, false, author.path("isBot").asBoolean(false), content,
                mentioned, mentionedRoles, everyone, timestamp.toInstant());
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
        if (value == null || !value.asText().matches("\\d{1,20}")) throw problem(parser, name, "\"" + path + "\" is missing or not a snowflake");
        return value.asText();
    }

    private static ExportException problem(JsonParser parser, String name, String what) {
        var at = parser.currentLocation();
        return new ExportException(name + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + what);
    }
}
