package warden.fakediscord;

import static warden.fakediscord.Json.obj;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A protocol-faithful fake Discord on 127.0.0.1 that real JDA logs in to: the REST routes Warden uses and the
 * gateway (HELLO, heartbeats, IDENTIFY -> READY + GUILD_CREATE, RESUME). Tests build the world, dispatch gateway
 * events, inject faults and assert on the REST requests recorded.
 */
public final class FakeDiscord implements AutoCloseable {

    public static final long BOT_ID = 900_000_000_000_000_001L;
    public static final long APPLICATION_ID = BOT_ID;
    private static final Logger log = LoggerFactory.getLogger(FakeDiscord.class);

    private final World world = new World(BOT_ID);
    private final DiscordRules rules = new DiscordRules(world);
    private final GuildStructureRoutes structure = new GuildStructureRoutes(world, rules, this::dispatch);
    private final OAuthRoutes oauth = new OAuthRoutes(world, rules);
    /** Interactions dispatched and not answered yet: id -> when they were dispatched (nanoTime). */
    private final Map<Long, Long> pendingInteractions = new ConcurrentHashMap<>();

    private final java.util.Set<Long> answeredInteractions = ConcurrentHashMap.newKeySet();
    private final List<RecordedRequest> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    /** Routes answered late, as a busy Discord does: method and path pattern, and how late. */
    private final Map<String, Duration> slow = new ConcurrentHashMap<>();

    private final Map<Long, Map<String, Object>> messages = new ConcurrentHashMap<>();
    /** Every message ever created, deleted ones included, so that a test can redeliver one. */
    private final Map<Long, Map<String, Object>> history = new ConcurrentHashMap<>();

    private final Map<Long, Map<String, Object>> webhooks = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Object>> autoModRules = new ConcurrentHashMap<>();
    private final Map<Long, Long> dmChannels = new ConcurrentHashMap<>();
    private final java.util.Set<Long> closedDms = ConcurrentHashMap.newKeySet();
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, List<Map<String, Object>>> dispatchLog = new ConcurrentHashMap<>();
    /** Sessions whose socket closed but which may still resume: Discord keeps queuing their dispatches. */
    private final Map<String, Session> resumable = new ConcurrentHashMap<>();

    private final java.util.concurrent.atomic.AtomicInteger inviteLookups =
            new java.util.concurrent.atomic.AtomicInteger();
    /** The fake CDN: path -> {content type, bytes}; and the attachment objects by id. */
    private final Map<String, Object[]> files = new ConcurrentHashMap<>();

    private final Map<String, Map<String, Object>> attachments = new ConcurrentHashMap<>();
    /** Registered command -> its default member permissions (-1: everyone). */
    private final Map<String, Long> commandPermissions = new ConcurrentHashMap<>();

    private volatile String lastCommandRegistration;
    /** guild:command -> roles the server lets use it. */
    private final Map<String, java.util.Set<Long>> commandOverrides = new ConcurrentHashMap<>();

    private volatile int replayOnResume;
    private HttpServer http;
    private Gateway gateway;

    public World world() {
        return world;
    }

    public FakeDiscord start() {
        // without TCP_NODELAY, the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a request
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/", this::handle);
            http.setExecutor(Executors.newFixedThreadPool(8));
            http.start();
            gateway = new Gateway(new InetSocketAddress("127.0.0.1", 0));
            gateway.setReuseAddr(true);
            gateway.setTcpNoDelay(true);
            gateway.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (gateway.getPort() == 0 && System.nanoTime() < deadline) Thread.sleep(10);
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Discord", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String restBaseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    /**
     * Registers an OAuth2 application (a web panel's "Sign in with Discord"): its client id, secret and the redirect
     * addresses Discord accepts for it.
     */
    public FakeDiscord oauthApp(String clientId, String secret, String... redirects) {
        oauth.register(new OAuthRoutes.App(clientId, secret, List.of(redirects)));
        return this;
    }

    /** The address a browser opens for OAuth2 (the authorize page) and the API's, without a version. */
    public String webBaseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    public String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.getPort();
    }

    @Override
    public void close() {
        try {
            if (gateway != null) gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (http != null) http.stop(0);
    }

    // ------------------------------------------------------------------ test API

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<RecordedRequest> requests(String method, String pathRegex) {
        return requests().stream().filter(r -> r.is(method, pathRegex)).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    /** Waits for a request Warden makes, and returns it. */
    public RecordedRequest awaitRequest(String method, String pathRegex, Duration timeout) throws TimeoutException {
        return awaitRequest(r -> r.is(method, pathRegex), timeout, method + " " + pathRegex);
    }

    public RecordedRequest awaitRequest(Predicate<RecordedRequest> match, Duration timeout, String what)
            throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (RecordedRequest r : requests()) if (match.test(r)) return r;
            sleep(5);
        }
        throw new TimeoutException("no request " + what + " within " + timeout + "; got " + requests());
    }

    public void inject(Fault fault) {
        faults.add(fault);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** The member's DMs are closed: sending them a message gets Discord's 50007. */
    public void closeDms(long userId) {
        closedDms.add(userId);
    }

    public boolean sessionReady() {
        return sessions.stream().anyMatch(s -> s.ready);
    }

    /** Sends a gateway dispatch to every session whose shard holds the guild (or to all if none). */
    public void dispatch(String type, Map<String, Object> data) {
        Object guild = data.get("guild_id");
        synchronized (sessions) {
            for (Session session : sessions) {
                if (guild == null || session.holds(Long.parseLong(guild.toString()))) session.dispatch(type, data);
            }
            for (Session session : resumable.values()) {
                if (guild == null || session.holds(Long.parseLong(guild.toString()))) session.dispatch(type, data);
            }
        }
    }

    /** A member posts a message; returns its id. Mentions are parsed from the content as Discord does. */
    public long postMessage(long guildId, long channelId, long authorId, String content) {
        return postMessage(guildId, channelId, authorId, content, List.of());
    }

    /** A member posts a message with files {@link #upload uploaded} before (their ids); returns its id. */
    public long postMessage(long guildId, long channelId, long authorId, String content, List<String> uploads) {
        long id = world.nextId();
        Map<String, Object> message = message(id, guildId, channelId, authorId, content, null);
        message.put("attachments", uploads.stream().map(attachments::get).toList());
        messages.put(id, message);
        history.put(id, message);
        dispatch("MESSAGE_CREATE", message);
        return id;
    }

    /** A message posted through a webhook that is not Warden's (another application's integration); returns its id. */
    public long postWebhookMessage(long guildId, long channelId, String webhookName, String content) {
        long id = world.nextId();
        Map<String, Object> message = message(
                id, guildId, channelId, 0, content, obj("id", Long.toString(world.nextId()), "name", webhookName));
        messages.put(id, message);
        history.put(id, message);
        dispatch("MESSAGE_CREATE", message);
        return id;
    }

    /** A new account joins a guild: Discord tells the gateway (GUILD_MEMBER_ADD). Returns the member's id. */
    public long join(long guildId, String name) {
        World.GuildSpec guild = world.guild(guildId);
        long userId = guild.member(name);
        Map<String, Object> member = world.memberJson(guild, guild.members.get(userId), true);
        member.put("guild_id", Long.toString(guildId));
        member.put("joined_at", java.time.OffsetDateTime.now().toString());
        dispatch("GUILD_MEMBER_ADD", member);
        return userId;
    }

    /** A user who already exists (a member of another guild) joins this one. */
    public void join(long guildId, long userId) {
        World.GuildSpec guild = world.guild(guildId);
        guild.addMember(userId);
        Map<String, Object> member = world.memberJson(guild, guild.members.get(userId), true);
        member.put("guild_id", Long.toString(guildId));
        member.put("joined_at", java.time.OffsetDateTime.now().toString());
        dispatch("GUILD_MEMBER_ADD", member);
    }

    /** The guild's verification level as Warden left it (0 none ... 4 highest). */
    public int verificationLevel(long guildId) {
        return world.guild(guildId).verificationLevel;
    }

    /** Until when Discord pauses invites to the guild, or null. */
    public String invitesDisabledUntil(long guildId) {
        return world.guild(guildId).invitesDisabledUntil;
    }

    /** Someone creates an invite to a guild: Discord tells the gateway (INVITE_CREATE). */
    public void createInvite(long guildId, long channelId, String code) {
        world.guild(guildId).invite(code, channelId);
        dispatch(
                "INVITE_CREATE",
                obj(
                        "channel_id",
                        Long.toString(channelId),
                        "guild_id",
                        Long.toString(guildId),
                        "code",
                        code,
                        "created_at",
                        Instant.now().toString(),
                        "max_age",
                        0,
                        "max_uses",
                        0,
                        "temporary",
                        false,
                        "uses",
                        0,
                        "type",
                        0,
                        "inviter",
                        world.userJson(world.guild(guildId).ownerId)));
    }

    /** How many invite codes Warden asked about ({@code GET /invites/{code}}). */
    public int inviteLookups() {
        return inviteLookups.get();
    }

    /** Dispatches the same MESSAGE_CREATE again, as after a resume. */
    public void redeliver(long messageId) {
        dispatch("MESSAGE_CREATE", history.get(messageId));
    }

    /** Requests of {@code method} to paths matching {@code pathRegex} are answered {@code delay} late from now on. */
    public void slowDown(String method, String pathRegex, Duration delay) {
        slow.put(method + " " + pathRegex, delay);
    }

    /** A member deletes their message, or a moderator does, from Discord's client (MESSAGE_DELETE). */
    public void deleteMessage(long messageId) {
        Map<String, Object> message = messages.remove(messageId);
        dispatch(
                "MESSAGE_DELETE",
                obj(
                        "id",
                        Long.toString(messageId),
                        "channel_id",
                        message.get("channel_id"),
                        "guild_id",
                        message.get("guild_id")));
    }

    /** Another bot or a moderator deletes messages of one channel at once (MESSAGE_DELETE_BULK). */
    public void bulkDelete(long guildId, long channelId, List<Long> messageIds) {
        messageIds.forEach(messages::remove);
        dispatch(
                "MESSAGE_DELETE_BULK",
                obj(
                        "ids",
                        messageIds.stream().map(String::valueOf).toList(),
                        "channel_id",
                        Long.toString(channelId),
                        "guild_id",
                        Long.toString(guildId)));
    }

    public void editMessage(long messageId, String content) {
        Map<String, Object> message = messages.get(messageId);
        message.put("content", content);
        message.put("edited_timestamp", Instant.now().toString());
        dispatch("MESSAGE_UPDATE", message);
    }

    public Map<String, Object> message(long messageId) {
        return history.get(messageId);
    }

    /** Messages Warden's bot posted in a channel, oldest first. */
    public List<Map<String, Object>> botMessages(long channelId) {
        return history.values().stream()
                .filter(m -> String.valueOf(channelId).equals(m.get("channel_id"))
                        && m.get("webhook_id") == null
                        && String.valueOf(BOT_ID).equals(((Map<?, ?>) m.get("author")).get("id")))
                .sorted(java.util.Comparator.comparing(
                        m -> Long.parseLong(m.get("id").toString())))
                .toList();
    }

    /**
     * Every message of a channel, oldest first, as the sandbox shows them: members', Warden's and webhooks' (censored
     * reposts, interserver relays), each with {@code deleted} when it no longer exists.
     */
    public List<Map<String, Object>> channelHistory(long channelId) {
        return history.values().stream()
                .filter(m -> String.valueOf(channelId).equals(m.get("channel_id")))
                .sorted(java.util.Comparator.comparing(
                        m -> Long.parseLong(m.get("id").toString())))
                .map(m -> {
                    Map<String, Object> copy = new LinkedHashMap<>(m);
                    copy.put(
                            "deleted",
                            !messages.containsKey(Long.parseLong(m.get("id").toString())));
                    return copy;
                })
                .toList();
    }

    /** The direct messages Warden sent a user, oldest first. */
    public List<String> directMessagesTo(long userId) {
        Long channel = dmChannels.get(userId);
        return channel == null
                ? List.of()
                : botMessages(channel).stream()
                        .map(m -> String.valueOf(m.get("content")))
                        .toList();
    }

    /** A member reacts to a message. */
    public void addReaction(long guildId, long channelId, long messageId, long userId, String emoji) {
        World.GuildSpec guild = world.guild(guildId);
        Map<String, Object> member = world.memberJson(guild, guild.members.get(userId), true);
        dispatch(
                "MESSAGE_REACTION_ADD",
                obj(
                        "user_id",
                        Long.toString(userId),
                        "channel_id",
                        Long.toString(channelId),
                        "message_id",
                        Long.toString(messageId),
                        "guild_id",
                        Long.toString(guildId),
                        "member",
                        member,
                        "emoji",
                        obj("id", null, "name", emoji),
                        "burst",
                        false,
                        "type",
                        0,
                        "message_author_id",
                        Long.toString(BOT_ID)));
    }

    /** Gateway intents (bits of IDENTIFY's {@code intents}). */
    public static final int GUILD_MEMBERS = 1 << 1,
            GUILD_PRESENCES = 1 << 8,
            GUILD_MESSAGES = 1 << 9,
            MESSAGE_CONTENT = 1 << 15;

    private static final int PRIVILEGED = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT;
    private volatile int grantedPrivileged = PRIVILEGED;
    private volatile boolean invalidateOnResume;

    /** The privileged intents the application is granted in the developer portal; asking for others closes with 4014. */
    public void grantPrivilegedIntents(int intents) {
        grantedPrivileged = intents & PRIVILEGED;
    }

    /** The next RESUME fails with INVALID_SESSION: the client must identify again, and what was dispatched meanwhile is lost. */
    public void invalidateSessionsOnResume() {
        invalidateOnResume = true;
    }

    /** Asks JDA to reconnect; on RESUME the fake replays the last {@code replay} dispatches it had delivered. */
    public void forceReconnect(int replay) {
        replayOnResume = replay;
        for (Session session : sessions) session.send(obj("op", 7, "d", null));
    }

    /** Someone (a raider, an admin) deletes a channel: Discord tells the gateway (CHANNEL_DELETE). */
    public void deleteChannel(long guildId, long channelId) {
        structure.removeChannel(world.guild(guildId), channelId);
    }

    /** Someone creates a text channel: Discord tells the gateway (CHANNEL_CREATE). Returns its id. */
    public long createChannel(long guildId, String name) {
        World.GuildSpec guild = world.guild(guildId);
        long channelId = guild.channel(name);
        dispatch("CHANNEL_CREATE", world.channelJson(guild.channels.get(channelId)));
        return channelId;
    }

    /** Someone deletes a role: members lose it, overwrites for it go, and Discord tells the gateway. */
    public void deleteRole(long guildId, long roleId) {
        structure.removeRole(world.guild(guildId), roleId);
    }

    /** Someone renames the server. */
    public void renameGuild(long guildId, String name) {
        World.GuildSpec guild = world.guild(guildId);
        guild.name = name;
        dispatch("GUILD_UPDATE", world.guildCreate(guild, false));
    }

    /**
     * A member runs a slash command. {@code options} are Discord's option objects ({@code name}, {@code type},
     * {@code value}); for subcommands pass a single option of type 1 with its own {@code options}.
     */
    public String slashCommand(
            long guildId, long channelId, long userId, String name, List<Map<String, Object>> options, String locale) {
        return interaction(2, guildId, channelId, userId, name, options, locale);
    }

    /**
     * A member types into an option with autocomplete: the option being typed carries {@code "focused": true}.
     * Returns the interaction token; {@link #awaitAutocompleteChoices} reads Warden's answer (callback type 8).
     */
    public String autocomplete(
            long guildId, long channelId, long userId, String name, List<Map<String, Object>> options, String locale) {
        return interaction(4, guildId, channelId, userId, name, options, locale);
    }

    /**
     * A member clicks a button of one of Warden's messages (a message component interaction, type 3). Returns the
     * interaction token: {@link #awaitInteractionAnswer} reads Warden's answer.
     */
    public String clickButton(
            long guildId, long channelId, long messageId, long userId, String customId, String locale) {
        return dispatchInteraction(
                3,
                guildId,
                channelId,
                userId,
                locale,
                obj("message", sent(messageId), "data", obj("custom_id", customId, "component_type", 2)));
    }

    /**
     * A member uses a message context menu command (right click on a message, "Apps"): an application command of type
     * 3 whose target is the message. Returns the interaction token.
     */
    public String messageCommand(
            long guildId, long channelId, long userId, String name, long messageId, String locale) {
        if (!mayUseCommand(guildId, userId, name)) {
            throw new CommandNotAvailable(
                    "Discord does not offer " + name + " to member " + userId + " of guild " + guildId);
        }
        return dispatchInteraction(
                2,
                guildId,
                channelId,
                userId,
                locale,
                obj(
                        "data",
                        obj(
                                "id",
                                Long.toString(world.nextId()),
                                "name",
                                name,
                                "type",
                                3,
                                "guild_id",
                                Long.toString(guildId),
                                "target_id",
                                Long.toString(messageId),
                                "resolved",
                                obj("messages", obj(Long.toString(messageId), sent(messageId))))));
    }

    private Map<String, Object> sent(long messageId) {
        Map<String, Object> message = history.get(messageId);
        if (message == null) throw new IllegalArgumentException("no message " + messageId);
        return message;
    }

    /**
     * An interaction of {@code type} from a member, as Discord sends it (who, where, with what permissions), with the
     * fields of its kind in {@code specific}; awaited for an answer within Discord's three seconds. Returns its token.
     */
    private String dispatchInteraction(
            int type, long guildId, long channelId, long userId, String locale, Map<String, Object> specific) {
        World.GuildSpec guild = world.guild(guildId);
        String token = "itok-" + UUID.randomUUID();
        long interactionId = world.nextId();
        Map<String, Object> member = world.memberJson(guild, guild.members.get(userId), true);
        member.put("permissions", Long.toString(permissions(guild, userId)));
        Map<String, Object> interaction = obj(
                "id",
                Long.toString(interactionId),
                "application_id",
                Long.toString(APPLICATION_ID),
                "type",
                type,
                "token",
                token,
                "version",
                1,
                "guild_id",
                Long.toString(guildId),
                "guild",
                obj("id", Long.toString(guildId), "locale", "en-US", "features", List.of()),
                "channel_id",
                Long.toString(channelId),
                "channel",
                world.channelJson(guild.channels.get(channelId)),
                "member",
                member,
                "locale",
                locale,
                "guild_locale",
                "en-US",
                "app_permissions",
                Long.toString(Permission.MODERATION_BOT),
                "entitlements",
                List.of(),
                "authorizing_integration_owners",
                obj("0", Long.toString(guildId)),
                "context",
                0);
        interaction.putAll(specific);
        pendingInteractions.put(interactionId, System.nanoTime());
        dispatch("INTERACTION_CREATE", interaction);
        return token;
    }

    /** The custom ids of the buttons on a message Warden posted. */
    @SuppressWarnings("unchecked")
    public List<String> buttons(long messageId) {
        Map<String, Object> message = history.get(messageId);
        List<String> ids = new ArrayList<>();
        if (message == null || !(message.get("components") instanceof List<?> rows)) return ids;
        for (Object row : rows) {
            if (((Map<String, Object>) row).get("components") instanceof List<?> components) {
                for (Object component : components) {
                    Object id = ((Map<String, Object>) component).get("custom_id");
                    if (id != null) ids.add(id.toString());
                }
            }
        }
        return ids;
    }

    /** The choices Warden proposed for an autocomplete interaction, by value. */
    @SuppressWarnings("unchecked")
    public List<String> awaitAutocompleteChoices(String token, Duration timeout) throws TimeoutException {
        RecordedRequest callback = awaitRequest(
                r -> r.method().equals("POST")
                        && r.path().contains(token)
                        && r.path().endsWith("/callback"),
                timeout,
                "autocomplete answer of interaction " + token);
        if (((Number) callback.body().get("type")).intValue() != 8)
            throw new IllegalStateException("not an autocomplete result: " + callback.body());
        Map<String, Object> data = (Map<String, Object>) callback.body().get("data");
        return ((List<Map<String, Object>>) data.get("choices"))
                .stream().map(c -> String.valueOf(c.get("value"))).toList();
    }

    /**
     * A file a member attaches (to a slash command's attachment option, type 11, whose value is the returned id): served
     * by the fake's CDN at its {@code url}.
     */
    public String upload(String filename, String contentType, byte[] bytes) {
        long id = world.nextId();
        String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/attachments/" + id + "/" + filename;
        files.put("attachments/" + id + "/" + filename, new Object[] {contentType, bytes});
        attachments.put(
                Long.toString(id),
                obj(
                        "id",
                        Long.toString(id),
                        "filename",
                        filename,
                        "size",
                        bytes.length,
                        "url",
                        url,
                        "proxy_url",
                        url,
                        "content_type",
                        contentType,
                        "ephemeral",
                        true));
        return Long.toString(id);
    }

    @SuppressWarnings("unchecked")
    private void collectAttachments(List<Map<String, Object>> options, Map<String, Object> out) {
        for (Map<String, Object> option : options) {
            if (Integer.valueOf(11).equals(option.get("type"))) {
                String id = String.valueOf(option.get("value"));
                if (attachments.containsKey(id)) out.put(id, attachments.get(id));
            }
            if (option.get("options") instanceof List<?> nested)
                collectAttachments((List<Map<String, Object>>) nested, out);
        }
    }

    /** Thrown when Discord would not offer the command to this member: the interaction never reaches the bot. */
    public static final class CommandNotAvailable extends RuntimeException {
        CommandNotAvailable(String message) {
            super(message);
        }
    }

    /** The server lets a role use a command whatever its default permission (Discord's application command permissions). */
    public void permitCommand(long guildId, String command, long roleId) {
        commandOverrides
                .computeIfAbsent(guildId + ":" + command, k -> ConcurrentHashMap.newKeySet())
                .add(roleId);
    }

    /**
     * Whether Discord offers the command to the member, as it decides before any interaction: administrators always,
     * then the server's overrides for the member's roles, then the command's default member permissions.
     */
    public boolean mayUseCommand(long guildId, long userId, String command) {
        if (!commandPermissions.containsKey(command)) return true; // not registered (yet): nothing to enforce
        World.GuildSpec guild = world.guild(guildId);
        long permissions = permissions(guild, userId);
        if ((permissions & Permission.ADMINISTRATOR) != 0) return true;
        java.util.Set<Long> granted = commandOverrides.getOrDefault(guildId + ":" + command, java.util.Set.of());
        World.MemberSpec member = guild.members.get(userId);
        if (member != null && member.roles.stream().anyMatch(granted::contains)) return true;
        long needed = commandPermissions.get(command);
        if (needed == 0) return false; // "0": administrators only
        return needed < 0 || (permissions & needed) == needed;
    }

    @SuppressWarnings("unchecked")
    static final int AUDIT_KICK = 20;

    static final int AUDIT_BAN = 22;
    static final int AUDIT_UNBAN = 23;
    static final int AUDIT_MEMBER_UPDATE = 24;

    /**
     * Someone other than Warden (a moderator in Discord's own menu, another bot) bans a member: the ban, its gateway
     * events and its audit log entry, as Discord would make them.
     */
    public void banAs(long actor, long guildId, long user, String reason) {
        World.GuildSpec guild = world.guild(guildId);
        synchronized (guild.bans) {
            guild.bans.add(user);
        }
        if (reason != null) guild.banReasons.put(user, reason);
        if (guild.members.remove(user) != null) {
            dispatch("GUILD_MEMBER_REMOVE", obj("guild_id", Long.toString(guildId), "user", world.userJson(user)));
        }
        dispatch("GUILD_BAN_ADD", obj("guild_id", Long.toString(guildId), "user", world.userJson(user)));
        audit(guild, actor, user, AUDIT_BAN, reason, List.of());
    }

    public void unbanAs(long actor, long guildId, long user, String reason) {
        World.GuildSpec guild = world.guild(guildId);
        synchronized (guild.bans) {
            guild.bans.remove(user);
        }
        guild.banReasons.remove(user);
        dispatch("GUILD_BAN_REMOVE", obj("guild_id", Long.toString(guildId), "user", world.userJson(user)));
        audit(guild, actor, user, AUDIT_UNBAN, reason, List.of());
    }

    public void kickAs(long actor, long guildId, long user, String reason) {
        World.GuildSpec guild = world.guild(guildId);
        guild.members.remove(user);
        dispatch("GUILD_MEMBER_REMOVE", obj("guild_id", Long.toString(guildId), "user", world.userJson(user)));
        audit(guild, actor, user, AUDIT_KICK, reason, List.of());
    }

    /** Someone other than Warden times a member out until {@code until}, or ends their timeout ({@code until} null). */
    public void timeoutAs(long actor, long guildId, long user, Instant until, String reason) {
        World.GuildSpec guild = world.guild(guildId);
        World.MemberSpec member = guild.members.get(user);
        String before = member.communicationDisabledUntil;
        member.communicationDisabledUntil = until == null ? null : until.toString();
        Map<String, Object> json = world.memberJson(guild, member, true);
        json.put("guild_id", Long.toString(guildId));
        dispatch("GUILD_MEMBER_UPDATE", json);
        timeoutAudit(guild, actor, user, before, reason);
    }

    /** The guild's audit log, oldest first. */
    public List<Map<String, Object>> auditLog(long guildId) {
        synchronized (world.guild(guildId).auditLog) {
            return List.copyOf(world.guild(guildId).auditLog);
        }
    }

    private void timeoutAudit(World.GuildSpec guild, long actor, long user, String before, String reason) {
        String after = guild.members.get(user).communicationDisabledUntil;
        audit(
                guild,
                actor,
                user,
                AUDIT_MEMBER_UPDATE,
                reason,
                List.of(obj("key", "communication_disabled_until", "old_value", before, "new_value", after)));
    }

    /**
     * Adds an entry to the guild's audit log, and sends it to Warden as Discord does: only where Warden's role may
     * view the audit log.
     */
    private void audit(
            World.GuildSpec guild,
            long actor,
            long target,
            int action,
            String reason,
            List<Map<String, Object>> changes) {
        Map<String, Object> entry = obj(
                "id", Long.toString(world.nextId()),
                "user_id", Long.toString(actor),
                "target_id", Long.toString(target),
                "action_type", action,
                "reason", reason,
                "changes", changes,
                "options", Map.of(),
                "guild_id", Long.toString(guild.id()));
        guild.auditLog.add(entry);
        if ((permissions(guild, BOT_ID) & Permission.VIEW_AUDIT_LOG) != 0)
            dispatch("GUILD_AUDIT_LOG_ENTRY_CREATE", entry);
    }

    /** The body of the last accepted bulk overwrite of the application's commands, as JSON (null before one). */
    public String lastCommandRegistration() {
        return lastCommandRegistration;
    }

    private void registerCommands(String raw) {
        lastCommandRegistration = raw;
        try {
            for (Map<String, Object> command : (List<Map<String, Object>>) Json.MAPPER.readValue(raw, List.class)) {
                Object permissions = command.get("default_member_permissions");
                commandPermissions.put(
                        String.valueOf(command.get("name")),
                        permissions == null ? -1L : Long.parseLong(permissions.toString()));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable command registration", e);
        }
    }

    private String interaction(
            int type,
            long guildId,
            long channelId,
            long userId,
            String name,
            List<Map<String, Object>> options,
            String locale) {
        if (!mayUseCommand(guildId, userId, name)) {
            throw new CommandNotAvailable(
                    "Discord does not offer /" + name + " to member " + userId + " of guild " + guildId);
        }
        World.GuildSpec guild = world.guild(guildId);
        Map<String, Object> resolvedUsers = new LinkedHashMap<>();
        Map<String, Object> resolvedMembers = new LinkedHashMap<>();
        collectUsers(options, guild, resolvedUsers, resolvedMembers);
        Map<String, Object> resolvedAttachments = new LinkedHashMap<>();
        collectAttachments(options, resolvedAttachments);
        return dispatchInteraction(
                type,
                guildId,
                channelId,
                userId,
                locale,
                obj(
                        "data",
                        obj(
                                "id",
                                Long.toString(world.nextId()),
                                "name",
                                name,
                                "type",
                                1,
                                "guild_id",
                                Long.toString(guildId),
                                "options",
                                options,
                                "resolved",
                                obj(
                                        "users",
                                        resolvedUsers,
                                        "members",
                                        resolvedMembers,
                                        "attachments",
                                        resolvedAttachments))));
    }

    @SuppressWarnings("unchecked")
    private void collectUsers(
            List<Map<String, Object>> options,
            World.GuildSpec guild,
            Map<String, Object> users,
            Map<String, Object> members) {
        for (Map<String, Object> option : options) {
            Object type = option.get("type");
            if (Integer.valueOf(6).equals(type)) {
                long id = Long.parseLong(option.get("value").toString());
                users.put(Long.toString(id), world.userJson(id));
                World.MemberSpec m = guild.members.get(id);
                if (m != null) {
                    Map<String, Object> json = world.memberJson(guild, m, false);
                    json.put("permissions", Long.toString(permissions(guild, id)));
                    members.put(Long.toString(id), json);
                }
            }
            if (option.get("options") instanceof List<?> nested)
                collectUsers((List<Map<String, Object>>) nested, guild, users, members);
        }
    }

    /** The reply Warden gave to an interaction (callback or follow-up), as its message JSON. */
    public RecordedRequest awaitInteractionReply(String token, Duration timeout) throws TimeoutException {
        return awaitRequest(
                r -> r.path().contains(token)
                        && (r.method().equals("POST") || r.method().equals("PATCH")),
                timeout,
                "reply to interaction " + token);
    }

    /** What a member finally reads in answer to an interaction: its text, and whether only they can see it. */
    public record InteractionAnswer(String content, boolean ephemeral) {}

    /**
     * The answer to an interaction, replied at once (callback type 4) or deferred (type 5) and then written into
     * the original response ({@code PATCH .../messages/@original}).
     */
    @SuppressWarnings("unchecked")
    public InteractionAnswer awaitInteractionAnswer(String token, Duration timeout) throws TimeoutException {
        RecordedRequest callback = awaitRequest(
                r -> r.method().equals("POST")
                        && r.path().contains(token)
                        && r.path().endsWith("/callback"),
                timeout,
                "callback of interaction " + token);
        Map<String, Object> data =
                callback.body().get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
        boolean ephemeral = data.get("flags") instanceof Number flags && (flags.intValue() & 64) != 0;
        if (((Number) callback.body().get("type")).intValue() == 4)
            return new InteractionAnswer(String.valueOf(data.get("content")), ephemeral);
        RecordedRequest edit = awaitRequest(
                r -> r.method().equals("PATCH")
                        && r.path().contains(token)
                        && r.path().endsWith("@original"),
                timeout,
                "deferred answer of interaction " + token);
        return new InteractionAnswer(edit.text("content"), ephemeral);
    }

    /** A member's permissions in the guild (no channel overwrites). */
    public long permissions(World.GuildSpec guild, long userId) {
        return rules.permissions(guild, userId, null);
    }

    /**
     * A server's admin makes an AutoMod rule of the server's own in Discord's settings (not through Warden): a keyword
     * rule blocking {@code keywords}. Returns its id.
     */
    public long addServerAutoModRule(long guildId, long creator, String name, List<String> keywords) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("trigger_type", 1);
        body.put("trigger_metadata", obj("keyword_filter", keywords));
        body.put("actions", List.of(obj("type", 1, "metadata", Map.of())));
        body.put("creator_id", Long.toString(creator));
        long id = world.nextId();
        saveRule(Long.toString(guildId), id, body);
        return id;
    }

    public Collection<Map<String, Object>> autoModRules() {
        return autoModRules.values();
    }

    /** An AutoMod rule the server set up itself (not Warden's). */
    public long serverAutoModRule(
            long guildId, long creatorId, int triggerType, String name, Map<String, Object> metadata) {
        long id = world.nextId();
        saveRule(
                Long.toString(guildId),
                id,
                obj(
                        "name",
                        name,
                        "creator_id",
                        Long.toString(creatorId),
                        "trigger_type",
                        triggerType,
                        "trigger_metadata",
                        metadata,
                        "actions",
                        List.of(obj("type", 1, "metadata", obj())),
                        "enabled",
                        true,
                        "event_type",
                        1));
        return id;
    }

    public Collection<Map<String, Object>> webhooks() {
        return webhooks.values();
    }

    // ------------------------------------------------------------------ REST

    /** The X-Audit-Log-Reason of the request being served (Warden's reason for what it does). */
    private static final ThreadLocal<String> AUDIT_REASON = new ThreadLocal<>();

    private void handle(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("X-Audit-Log-Reason");
        AUDIT_REASON.set(header == null ? null : URLDecoder.decode(header, StandardCharsets.UTF_8));
        String method = exchange.getRequestMethod();
        String fullPath = exchange.getRequestURI().getRawPath();
        Object[] file = files.get(fullPath.replaceFirst("^/", ""));
        if (file != null && method.equals("GET")) { // the CDN: raw bytes, no API envelope
            byte[] bytes = (byte[]) file[1];
            exchange.getResponseHeaders().set("Content-Type", (String) file[0]);
            exchange.sendResponseHeaders(200, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            return;
        }
        String path = URLDecoder.decode(fullPath.replaceFirst("^/api/v\\d+/", ""), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (oauth.serve(exchange, method, fullPath, query, raw)) return;
        Map<String, Object> body = raw.isBlank() || !raw.trim().startsWith("{") ? Map.of() : Json.read(raw);
        if (raw.trim().startsWith("[") && !path.contains("commands"))
            body = obj("items", Json.MAPPER.readValue(raw, List.class));
        if (raw.contains("Content-Disposition: form-data")) body = multipartJson(raw);
        Reply refusal = null;
        if (method.equals("PUT") && path.matches("applications/\\d+/commands")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> commands = Json.MAPPER.readValue(raw, List.class);
            Optional<DiscordRules.Refusal> refused = rules.commands(commands);
            if (refused.isPresent())
                refusal = new Reply(refused.get().status(), refused.get().body());
            else registerCommands(raw);
        }
        for (Map.Entry<String, Duration> late : slow.entrySet()) {
            if ((method + " " + path).matches(late.getKey())) {
                try {
                    Thread.sleep(late.getValue().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        Reply reply;
        Fault fault = takeFault(method, path);
        if (fault != null) {
            reply = faultReply(fault, exchange);
        } else if (refusal != null) {
            reply = refusal;
        } else {
            try {
                reply = route(method, path, query, body);
            } catch (ClosedDms e) {
                reply = new Reply(403, obj("message", "Cannot send messages to this user", "code", 50007));
            } catch (RuntimeException e) {
                log.error("fake Discord failed on {} {}", method, path, e);
                reply = new Reply(500, obj("message", "fake error: " + e, "code", 0));
            }
        }
        requests.add(new RecordedRequest(System.nanoTime(), method, path, query, body, reply.status));
        byte[] bytes = reply.body == null ? new byte[0] : Json.write(reply.body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (reply.status != 429) rateLimitHeaders(exchange, method, path);
        exchange.sendResponseHeaders(reply.status, reply.status == 204 || bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0 && reply.status != 204) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    /**
     * Discord names a bucket on every answer; JDA keeps requests without one in an uninitialised bucket, which
     * serialises them more than real Discord would. The fake's limits are generous: it never throttles by itself.
     */
    private static void rateLimitHeaders(HttpExchange exchange, String method, String path) {
        var h = exchange.getResponseHeaders();
        String template = method + " " + path.replaceAll("\\d{5,}", "{id}");
        h.set("X-RateLimit-Bucket", Integer.toHexString(template.hashCode()));
        h.set("X-RateLimit-Limit", "10000");
        h.set("X-RateLimit-Remaining", "9999");
        h.set("X-RateLimit-Reset-After", "1.000");
        h.set(
                "X-RateLimit-Reset",
                String.format(java.util.Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0 + 1));
    }

    private static Map<String, Object> multipartJson(String raw) {
        int at = raw.indexOf("name=\"payload_json\"");
        if (at < 0) return Map.of();
        int start = raw.indexOf("{", at);
        int end = raw.lastIndexOf("}");
        return start < 0 || end < start ? Map.of() : Json.read(raw.substring(start, end + 1));
    }

    private Fault takeFault(String method, String path) {
        for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
            Fault fault = it.next();
            if (fault.matches(method, path)) {
                if (fault.times() != Integer.MAX_VALUE) {
                    faults.remove(fault);
                    if (fault.times() > 1) {
                        faults.add(new Fault(
                                fault.method(),
                                fault.pathRegex(),
                                fault.status(),
                                fault.code(),
                                fault.message(),
                                fault.times() - 1));
                    }
                }
                return fault;
            }
        }
        return null;
    }

    private static Reply faultReply(Fault fault, HttpExchange exchange) {
        if (fault.status() == 429) {
            var h = exchange.getResponseHeaders();
            h.set("Retry-After", "1");
            h.set("X-RateLimit-Limit", "5");
            h.set("X-RateLimit-Remaining", "0");
            h.set("X-RateLimit-Reset-After", "0.2");
            h.set("X-RateLimit-Bucket", "fake-bucket");
            h.set("X-RateLimit-Scope", "user");
            h.set("via", "1.1 google");
            return new Reply(429, obj("message", fault.message(), "retry_after", 0.2, "global", false));
        }
        return new Reply(fault.status(), obj("message", fault.message(), "code", fault.code()));
    }

    record Reply(int status, Object body) {
        static Reply noContent() {
            return new Reply(204, null);
        }

        static Reply notFound(int code, String message) {
            return new Reply(404, obj("message", message, "code", code));
        }

        static Reply refused(DiscordRules.Refusal refusal) {
            return new Reply(refusal.status(), refusal.body());
        }
    }

    private Reply route(String method, String path, String query, Map<String, Object> body) {
        String[] p = path.split("/");
        String route = method + " "
                + path.replaceAll("\\d{5,}", "{id}")
                        .replaceAll("itok-[^/]+", "{token}")
                        .replaceAll("reactions/[^/]+/", "reactions/{emoji}/");
        var structural = structure.route(route, p, body);
        if (structural.isPresent()) return structural.get();
        switch (route) {
            case "GET users/@me":
                return new Reply(200, world.userJson(BOT_ID));
            case "GET gateway/bot":
                return new Reply(
                        200,
                        obj(
                                "url",
                                gatewayUrl(),
                                "shards",
                                1,
                                "session_start_limit",
                                obj("total", 1000, "remaining", 1000, "reset_after", 0, "max_concurrency", 1)));
            case "GET gateway":
                return new Reply(200, obj("url", gatewayUrl()));
            case "GET applications/@me":
            case "GET oauth2/applications/@me":
                return new Reply(
                        200,
                        obj(
                                "id",
                                Long.toString(APPLICATION_ID),
                                "name",
                                "Warden",
                                "description",
                                "",
                                "icon",
                                null,
                                "bot_public",
                                true,
                                "bot_require_code_grant",
                                false,
                                "flags",
                                0,
                                "owner",
                                world.userJson(BOT_ID)));
            case "PUT applications/{id}/commands":
            case "PUT applications/{id}/guilds/{id}/commands":
                return new Reply(200, commands(body, path));
            case "POST channels/{id}/messages": {
                var refused = rules.botInChannel(Long.parseLong(p[1]), Permission.SEND_MESSAGES)
                        .or(() -> rules.content(body.get("content")));
                if (refused.isPresent()) return Reply.refused(refused.get());
                return new Reply(200, botMessage(Long.parseLong(p[1]), body));
            }
            case "PATCH channels/{id}/messages/{id}": {
                Map<String, Object> message = messages.get(Long.parseLong(p[3]));
                if (message == null) return Reply.notFound(10008, "Unknown Message");
                if (body.containsKey("content")) message.put("content", body.get("content"));
                if (body.containsKey("components")) message.put("components", body.get("components"));
                return new Reply(200, message);
            }
            case "DELETE channels/{id}/messages/{id}": {
                Map<String, Object> existing = messages.get(Long.parseLong(p[3]));
                if (existing == null) return Reply.notFound(10008, "Unknown Message");
                boolean own = existing.get("author") instanceof Map<?, ?> author
                        && Long.toString(BOT_ID).equals(author.get("id"));
                if (!own) {
                    var refused = rules.botInChannel(Long.parseLong(p[1]), Permission.MANAGE_MESSAGES);
                    if (refused.isPresent()) return Reply.refused(refused.get());
                }
                Map<String, Object> message = messages.remove(Long.parseLong(p[3]));
                if (message == null) return Reply.notFound(10008, "Unknown Message");
                dispatch("MESSAGE_DELETE", obj("id", p[3], "channel_id", p[1], "guild_id", message.get("guild_id")));
                return Reply.noContent();
            }
            case "PUT channels/{id}/messages/{id}/reactions/{emoji}/@me":
            case "DELETE channels/{id}/messages/{id}/reactions/{emoji}/@me":
                return Reply.noContent();
            case "POST users/@me/channels":
                return new Reply(
                        200, dmChannel(Long.parseLong(body.get("recipient_id").toString())));
            case "PATCH guilds/{id}/members/{id}": {
                if (body.containsKey("communication_disabled_until")) {
                    var refused = rules.canTimeOut(world.guild(Long.parseLong(p[1])), Long.parseLong(p[3]));
                    if (refused.isPresent()) return Reply.refused(refused.get());
                }
                return member(Long.parseLong(p[1]), Long.parseLong(p[3]), body);
            }
            case "DELETE guilds/{id}/members/{id}": {
                World.GuildSpec guild = world.guild(Long.parseLong(p[1]));
                var refused = rules.botOverMember(guild, Long.parseLong(p[3]), Permission.KICK_MEMBERS);
                if (refused.isPresent()) return Reply.refused(refused.get());
                if (guild.members.remove(Long.parseLong(p[3])) == null) return Reply.notFound(10007, "Unknown Member");
                dispatch("GUILD_MEMBER_REMOVE", obj("guild_id", p[1], "user", world.userJson(Long.parseLong(p[3]))));
                audit(guild, BOT_ID, Long.parseLong(p[3]), AUDIT_KICK, AUDIT_REASON.get(), List.of());
                return Reply.noContent();
            }
            case "PUT guilds/{id}/bans/{id}": {
                World.GuildSpec guild = world.guild(Long.parseLong(p[1]));
                long user = Long.parseLong(p[3]);
                var refused = rules.botOverMember(guild, user, Permission.BAN_MEMBERS);
                if (refused.isPresent()) return Reply.refused(refused.get());
                synchronized (guild.bans) {
                    guild.bans.add(user);
                }
                if (AUDIT_REASON.get() != null) guild.banReasons.put(user, AUDIT_REASON.get());
                if (guild.members.remove(user) != null) {
                    dispatch("GUILD_MEMBER_REMOVE", obj("guild_id", p[1], "user", world.userJson(user)));
                }
                dispatch("GUILD_BAN_ADD", obj("guild_id", p[1], "user", world.userJson(user)));
                audit(guild, BOT_ID, user, AUDIT_BAN, AUDIT_REASON.get(), List.of());
                return Reply.noContent();
            }
            case "DELETE guilds/{id}/bans/{id}": {
                World.GuildSpec guild = world.guild(Long.parseLong(p[1]));
                if ((permissions(guild, BOT_ID) & Permission.BAN_MEMBERS) == 0)
                    return Reply.refused(DiscordRules.MISSING_PERMISSIONS);
                boolean removed;
                synchronized (guild.bans) {
                    removed = guild.bans.remove(Long.parseLong(p[3]));
                }
                if (!removed) return Reply.notFound(10026, "Unknown Ban");
                guild.banReasons.remove(Long.parseLong(p[3]));
                dispatch("GUILD_BAN_REMOVE", obj("guild_id", p[1], "user", world.userJson(Long.parseLong(p[3]))));
                audit(guild, BOT_ID, Long.parseLong(p[3]), AUDIT_UNBAN, AUDIT_REASON.get(), List.of());
                return Reply.noContent();
            }
            case "GET guilds/{id}/bans/{id}": {
                World.GuildSpec guild = world.guild(Long.parseLong(p[1]));
                if ((permissions(guild, BOT_ID) & Permission.BAN_MEMBERS) == 0)
                    return Reply.refused(DiscordRules.MISSING_PERMISSIONS);
                long user = Long.parseLong(p[3]);
                synchronized (guild.bans) {
                    if (!guild.bans.contains(user)) return Reply.notFound(10026, "Unknown Ban");
                }
                return new Reply(200, obj("user", world.userJson(user), "reason", guild.banReasons.get(user)));
            }
            case "GET guilds/{id}/bans": {
                // Discord pages the ban list by user id: at most `limit` (1000) bans after `after` or just before
                // `before`,
                // always in ascending order (JDA reverses a backward page itself).
                World.GuildSpec guild = world.guild(Long.parseLong(p[1]));
                if ((permissions(guild, BOT_ID) & Permission.BAN_MEMBERS) == 0)
                    return Reply.refused(DiscordRules.MISSING_PERMISSIONS);
                Map<String, String> params = queryParams(query);
                int limit = Math.min(1000, Integer.parseInt(params.getOrDefault("limit", "1000")));
                List<Long> users;
                synchronized (guild.bans) {
                    if (params.containsKey("before")) {
                        long before = Long.parseLong(params.get("before"));
                        users = guild.bans.stream()
                                .filter(u -> u < before)
                                .sorted(java.util.Comparator.reverseOrder())
                                .limit(limit)
                                .sorted()
                                .toList();
                    } else {
                        long after = Long.parseLong(params.getOrDefault("after", "0"));
                        users = guild.bans.stream()
                                .filter(u -> u > after)
                                .sorted()
                                .limit(limit)
                                .toList();
                    }
                }
                List<Object> page = new java.util.ArrayList<>();
                for (long user : users)
                    page.add(obj("user", world.userJson(user), "reason", guild.banReasons.get(user)));
                return new Reply(200, page);
            }
            case "PUT guilds/{id}/incident-actions": {
                World.GuildSpec guild = world.guild(Long.parseLong(p[1]));
                if ((permissions(guild, BOT_ID) & Permission.MANAGE_GUILD) == 0)
                    return Reply.refused(DiscordRules.MISSING_PERMISSIONS);
                guild.invitesDisabledUntil = body.get("invites_disabled_until") == null
                        ? null
                        : body.get("invites_disabled_until").toString();
                guild.dmsDisabledUntil = body.get("dms_disabled_until") == null
                        ? null
                        : body.get("dms_disabled_until").toString();
                return new Reply(
                        200,
                        obj(
                                "invites_disabled_until",
                                guild.invitesDisabledUntil,
                                "dms_disabled_until",
                                guild.dmsDisabledUntil,
                                "dm_spam_detected_at",
                                null,
                                "raid_detected_at",
                                null));
            }
            case "GET guilds/{id}/members/{id}": {
                World.GuildSpec guild = world.guild(Long.parseLong(p[1]));
                World.MemberSpec member = guild.members.get(Long.parseLong(p[3]));
                if (member == null) return Reply.notFound(10007, "Unknown Member");
                return new Reply(200, world.memberJson(guild, member, true));
            }
            case "GET guilds/{id}/invites": {
                World.GuildSpec guild = world.guild(Long.parseLong(p[1]));
                if ((permissions(guild, BOT_ID) & Permission.MANAGE_GUILD) == 0)
                    return Reply.refused(DiscordRules.MISSING_PERMISSIONS);
                return new Reply(
                        200,
                        guild.invites.keySet().stream()
                                .map(code -> world.inviteJson(guild, code))
                                .toList());
            }
            case "POST channels/{id}/webhooks": {
                var refused = rules.botInChannel(Long.parseLong(p[1]), Permission.MANAGE_WEBHOOKS)
                        .or(() -> rules.webhookName(body.get("name"), "name"));
                if (refused.isPresent()) return Reply.refused(refused.get());
                if (webhooks.values().stream()
                                .filter(w -> w.get("channel_id").equals(p[1]))
                                .count()
                        >= DiscordRules.MAX_WEBHOOKS_PER_CHANNEL) {
                    return Reply.refused(
                            new DiscordRules.Refusal(400, 30007, "Maximum number of webhooks reached (15)"));
                }
                return new Reply(200, createWebhook(Long.parseLong(p[1]), body));
            }
            case "GET channels/{id}/webhooks": {
                var refused = rules.botInChannel(Long.parseLong(p[1]), Permission.MANAGE_WEBHOOKS);
                if (refused.isPresent()) return Reply.refused(refused.get());
                return new Reply(
                        200,
                        webhooks.values().stream()
                                .filter(w -> w.get("channel_id").equals(p[1]))
                                .toList());
            }
            case "DELETE webhooks/{id}":
                return webhooks.remove(Long.parseLong(p[1])) == null
                        ? Reply.notFound(10015, "Unknown Webhook")
                        : Reply.noContent();
            case "GET guilds/{id}/auto-moderation/rules":
                return new Reply(
                        200,
                        autoModRules.values().stream()
                                .filter(r -> r.get("guild_id").equals(p[1]))
                                .toList());
            case "POST guilds/{id}/auto-moderation/rules": {
                var refused = autoModRefusal(p[1], null, body);
                if (refused.isPresent()) return Reply.refused(refused.get());
                return new Reply(200, saveRule(p[1], world.nextId(), body));
            }
            case "PATCH guilds/{id}/auto-moderation/rules/{id}": {
                Map<String, Object> rule = autoModRules.get(Long.parseLong(p[4]));
                if (rule == null) return Reply.notFound(10066, "Unknown Auto Moderation Rule");
                Map<String, Object> merged = new LinkedHashMap<>(rule);
                merged.putAll(body);
                var refused = autoModRefusal(p[1], Long.parseLong(p[4]), merged);
                if (refused.isPresent()) return Reply.refused(refused.get());
                return new Reply(200, saveRule(p[1], Long.parseLong(p[4]), merged));
            }
            case "DELETE guilds/{id}/auto-moderation/rules/{id}":
                return autoModRules.remove(Long.parseLong(p[4])) == null
                        ? Reply.notFound(10066, "Unknown Auto Moderation Rule")
                        : Reply.noContent();
            case "POST interactions/{id}/{token}/callback": {
                long interaction = Long.parseLong(p[1]);
                if (answeredInteractions.contains(interaction)) {
                    return Reply.refused(
                            new DiscordRules.Refusal(400, 40060, "Interaction has already been acknowledged."));
                }
                Long dispatched = pendingInteractions.remove(interaction);
                if (dispatched == null
                        || System.nanoTime() - dispatched > DiscordRules.INTERACTION_ANSWER_MILLIS * 1_000_000) {
                    return Reply.notFound(10062, "Unknown interaction");
                }
                answeredInteractions.add(interaction);
                return Reply.noContent();
            }
            default:
                break;
        }
        if (path.startsWith("webhooks/")) return webhookRoute(method, p, query, body);
        if (method.equals("GET") && p.length == 2 && p[0].equals("invites")) {
            inviteLookups.incrementAndGet();
            return world.guilds.values().stream()
                    .filter(g -> g.invites.containsKey(p[1]))
                    .findFirst()
                    .map(g -> new Reply(200, world.inviteJson(g, p[1])))
                    .orElseGet(() -> Reply.notFound(10006, "Unknown Invite"));
        }
        return Reply.notFound(0, "404: Not Found");
    }

    /** A bulk overwrite's body is an array (not parsed here): JDA accepts an empty answer. */
    private Object commands(Map<String, Object> body, String path) {
        return List.of();
    }

    private Map<String, Object> message(
            long id, long guildId, long channelId, long authorId, String content, Map<String, Object> webhook) {
        World.GuildSpec guild = guildId == 0 ? null : world.guild(guildId);
        List<Object> mentions = new ArrayList<>();
        List<Object> mentionRoles = new ArrayList<>();
        var users = java.util.regex.Pattern.compile("<@!?(\\d+)>").matcher(content);
        while (users.find()) {
            long userId = Long.parseLong(users.group(1));
            if (world.users.containsKey(userId)) {
                Map<String, Object> user = world.userJson(userId);
                if (guild != null && guild.members.containsKey(userId))
                    user.put("member", world.memberJson(guild, guild.members.get(userId), false));
                mentions.add(user);
            }
        }
        var roles = java.util.regex.Pattern.compile("<@&(\\d+)>").matcher(content);
        while (roles.find()) mentionRoles.add(roles.group(1));
        Map<String, Object> author = webhook != null
                ? obj(
                        "id",
                        webhook.get("id"),
                        "username",
                        webhook.getOrDefault("name", "webhook"),
                        "discriminator",
                        "0000",
                        "avatar",
                        null,
                        "bot",
                        true,
                        "global_name",
                        null)
                : world.userJson(authorId);
        Map<String, Object> message = obj(
                "id",
                Long.toString(id),
                "channel_id",
                Long.toString(channelId),
                "author",
                author,
                "content",
                content,
                "timestamp",
                Instant.now().toString(),
                "edited_timestamp",
                null,
                "tts",
                false,
                "mention_everyone",
                content.contains("@everyone") || content.contains("@here"),
                "mentions",
                mentions,
                "mention_roles",
                mentionRoles,
                "attachments",
                List.of(),
                "embeds",
                List.of(),
                "pinned",
                false,
                "type",
                0,
                "flags",
                0,
                "components",
                List.of(),
                "reactions",
                List.of());
        if (guild != null) {
            message.put("guild_id", Long.toString(guildId));
            if (webhook == null && guild.members.containsKey(authorId)) {
                message.put("member", world.memberJson(guild, guild.members.get(authorId), false));
            }
        }
        if (webhook != null) message.put("webhook_id", webhook.get("id"));
        return message;
    }

    private Map<String, Object> botMessage(long channelId, Map<String, Object> body) {
        long guildId = guildOfChannel(channelId);
        if (guildId == 0 && !dmChannels.containsValue(channelId))
            throw new IllegalStateException("unknown channel " + channelId);
        if (guildId == 0) {
            long recipient = dmChannels.entrySet().stream()
                    .filter(e -> e.getValue() == channelId)
                    .findFirst()
                    .orElseThrow()
                    .getKey();
            if (closedDms.contains(recipient)) throw new ClosedDms();
        }
        long id = world.nextId();
        Map<String, Object> message =
                message(id, guildId, channelId, BOT_ID, String.valueOf(body.getOrDefault("content", "")), null);
        if (body.get("embeds") != null) message.put("embeds", body.get("embeds"));
        if (body.get("components") != null) message.put("components", body.get("components"));
        messages.put(id, message);
        history.put(id, message);
        dispatch("MESSAGE_CREATE", message);
        return message;
    }

    /** Thrown inside routing to answer Discord's "Cannot send messages to this user". */
    private static final class ClosedDms extends RuntimeException {}

    private long guildOfChannel(long channelId) {
        for (World.GuildSpec guild : world.guilds.values()) if (guild.channels.containsKey(channelId)) return guild.id;
        return 0;
    }

    private Map<String, Object> dmChannel(long recipient) {
        long channelId = dmChannels.computeIfAbsent(recipient, r -> world.nextId());
        return obj(
                "id",
                Long.toString(channelId),
                "type",
                1,
                "last_message_id",
                null,
                "recipients",
                List.of(world.userJson(recipient)),
                "flags",
                0);
    }

    private Reply member(long guildId, long userId, Map<String, Object> body) {
        World.GuildSpec guild = world.guild(guildId);
        World.MemberSpec member = guild.members.get(userId);
        if (member == null) return Reply.notFound(10007, "Unknown Member");
        String before = member.communicationDisabledUntil;
        if (body.containsKey("communication_disabled_until")) {
            Object until = body.get("communication_disabled_until");
            member.communicationDisabledUntil = until == null ? null : until.toString();
        }
        Map<String, Object> json = world.memberJson(guild, member, true);
        json.put("guild_id", Long.toString(guildId));
        dispatch("GUILD_MEMBER_UPDATE", json);
        if (body.containsKey("communication_disabled_until"))
            timeoutAudit(guild, BOT_ID, userId, before, AUDIT_REASON.get());
        return new Reply(200, json);
    }

    private Map<String, Object> createWebhook(long channelId, Map<String, Object> body) {
        long id = world.nextId();
        Map<String, Object> webhook = obj(
                "id",
                Long.toString(id),
                "type",
                1,
                "guild_id",
                Long.toString(guildOfChannel(channelId)),
                "channel_id",
                Long.toString(channelId),
                "name",
                body.getOrDefault("name", "Warden"),
                "avatar",
                null,
                "token",
                "wtok" + id,
                "application_id",
                Long.toString(APPLICATION_ID),
                "user",
                world.userJson(BOT_ID));
        webhooks.put(id, webhook);
        return webhook;
    }

    private static Map<String, String> queryParams(String query) {
        Map<String, String> params = new java.util.HashMap<>();
        if (query == null || query.isEmpty()) return params;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0)
                params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private Reply webhookRoute(String method, String[] p, String query, Map<String, Object> body) {
        long id = Long.parseLong(p[1]);
        if (id == APPLICATION_ID) { // interaction follow-ups and edits of the original reply
            return new Reply(
                    200,
                    obj(
                            "id",
                            Long.toString(world.nextId()),
                            "channel_id",
                            "0",
                            "content",
                            body.get("content"),
                            "author",
                            world.userJson(BOT_ID),
                            "timestamp",
                            Instant.now().toString(),
                            "type",
                            20,
                            "flags",
                            body.getOrDefault("flags", 0),
                            "mentions",
                            List.of(),
                            "mention_roles",
                            List.of(),
                            "attachments",
                            List.of(),
                            "embeds",
                            List.of(),
                            "components",
                            List.of(),
                            "tts",
                            false,
                            "mention_everyone",
                            false,
                            "pinned",
                            false));
        }
        Map<String, Object> webhook = webhooks.get(id);
        if (webhook == null || p.length < 3 || !webhook.get("token").equals(p[2]))
            return Reply.notFound(10015, "Unknown Webhook");
        long channelId = Long.parseLong(webhook.get("channel_id").toString());
        long guildId = Long.parseLong(webhook.get("guild_id").toString());
        if (method.equals("POST") && p.length == 3) {
            var refused =
                    rules.webhookName(body.get("username"), "username").or(() -> rules.content(body.get("content")));
            if (refused.isPresent()) return Reply.refused(refused.get());
            long messageId = world.nextId();
            Map<String, Object> as = new LinkedHashMap<>(webhook);
            if (body.get("username") != null) as.put("name", body.get("username"));
            Map<String, Object> message =
                    message(messageId, guildId, channelId, 0, String.valueOf(body.getOrDefault("content", "")), as);
            messages.put(messageId, message);
            history.put(messageId, message);
            dispatch("MESSAGE_CREATE", message);
            return query != null && query.contains("wait=true") ? new Reply(200, message) : Reply.noContent();
        }
        if (p.length == 5 && p[3].equals("messages")) {
            long messageId = Long.parseLong(p[4]);
            Map<String, Object> message = messages.get(messageId);
            // a webhook sees only its own messages
            if (message == null || !webhook.get("id").equals(message.get("webhook_id")))
                return Reply.notFound(10008, "Unknown Message");
            if (method.equals("PATCH")) {
                if (body.containsKey("content")) message.put("content", body.get("content"));
                return new Reply(200, message);
            }
            if (method.equals("DELETE")) {
                messages.remove(messageId);
                dispatch(
                        "MESSAGE_DELETE",
                        obj("id", p[4], "channel_id", message.get("channel_id"), "guild_id", message.get("guild_id")));
                return Reply.noContent();
            }
        }
        return Reply.notFound(0, "404: Not Found");
    }

    /** Manage Server, rules per trigger type, keyword and exemption limits. */
    @SuppressWarnings("unchecked")
    private java.util.Optional<DiscordRules.Refusal> autoModRefusal(
            String guildId, Long ruleId, Map<String, Object> rule) {
        World.GuildSpec guild = world.guild(Long.parseLong(guildId));
        if ((permissions(guild, BOT_ID) & Permission.MANAGE_GUILD) == 0)
            return java.util.Optional.of(DiscordRules.MISSING_PERMISSIONS);
        int trigger = ((Number) rule.getOrDefault("trigger_type", 1)).intValue();
        long sameType = autoModRules.values().stream()
                .filter(r ->
                        r.get("guild_id").equals(guildId) && ((Number) r.get("trigger_type")).intValue() == trigger)
                .filter(r -> ruleId == null || !r.get("id").equals(Long.toString(ruleId)))
                .count();
        if (sameType >= DiscordRules.MAX_AUTOMOD_RULES.getOrDefault(trigger, 1)) {
            return java.util.Optional.of(DiscordRules.invalidForm(
                    "trigger_type",
                    "AUTO_MODERATION_MAX_RULES_OF_TYPE_EXCEEDED",
                    "Maximum number of rules of this type reached"));
        }
        Map<String, Object> metadata =
                rule.get("trigger_metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        if (metadata.get("keyword_filter") instanceof List<?> keywords) {
            if (keywords.size() > DiscordRules.MAX_AUTOMOD_KEYWORDS
                    || keywords.stream()
                            .anyMatch(k -> String.valueOf(k).length() > DiscordRules.MAX_AUTOMOD_KEYWORD_LENGTH)) {
                return java.util.Optional.of(DiscordRules.invalidForm(
                        "trigger_metadata.keyword_filter",
                        "BASE_TYPE_BAD_LENGTH",
                        "At most 1000 keywords of at most 60 characters"));
            }
        }
        if (rule.get("exempt_channels") instanceof List<?> c && c.size() > DiscordRules.MAX_AUTOMOD_EXEMPT_CHANNELS) {
            return java.util.Optional.of(DiscordRules.invalidForm(
                    "exempt_channels", "BASE_TYPE_MAX_LENGTH", "Must be 50 or fewer in length."));
        }
        if (rule.get("exempt_roles") instanceof List<?> r && r.size() > DiscordRules.MAX_AUTOMOD_EXEMPT_ROLES) {
            return java.util.Optional.of(
                    DiscordRules.invalidForm("exempt_roles", "BASE_TYPE_MAX_LENGTH", "Must be 20 or fewer in length."));
        }
        return java.util.Optional.empty();
    }

    private Map<String, Object> saveRule(String guildId, long id, Map<String, Object> body) {
        Map<String, Object> rule = new LinkedHashMap<>(body);
        rule.put("id", Long.toString(id));
        rule.put("guild_id", guildId);
        rule.putIfAbsent("creator_id", Long.toString(BOT_ID));
        rule.putIfAbsent("enabled", true);
        rule.putIfAbsent("exempt_roles", List.of());
        rule.putIfAbsent("exempt_channels", List.of());
        rule.putIfAbsent("event_type", 1);
        autoModRules.put(id, rule);
        return rule;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ gateway

    private final class Session {
        final WebSocket socket;
        String id;
        int seq;
        int shard;
        int shardCount = 1;
        int intents = -1;
        volatile boolean ready;

        Session(WebSocket socket) {
            this.socket = socket;
        }

        boolean holds(long guildId) {
            return ((guildId >> 22) % shardCount) == shard;
        }

        synchronized void dispatch(String type, Map<String, Object> data) {
            if ((type.equals("MESSAGE_CREATE") || type.equals("MESSAGE_UPDATE")) && data.get("guild_id") != null) {
                if ((intents & GUILD_MESSAGES) == 0) return;
                if ((intents & MESSAGE_CONTENT) == 0 && !mentionsBot(data)) data = withoutContent(data);
            }
            Map<String, Object> payload = obj("op", 0, "t", type, "s", ++seq, "d", data);
            dispatchLog
                    .computeIfAbsent(id, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(payload);
            send(payload);
        }

        void send(Map<String, Object> payload) {
            if (!socket.isOpen()) return;
            try {
                socket.send(Json.write(payload));
            } catch (org.java_websocket.exceptions.WebsocketNotConnectedException closing) {
                // closed between the check and the send (a reconnect under way): the dispatch log replays it on resume
            }
        }

        /** Without the message content intent, Discord blanks what a guild message says (unless it mentions the bot). */
        private Map<String, Object> withoutContent(Map<String, Object> message) {
            Map<String, Object> blank = new LinkedHashMap<>(message);
            blank.put("content", "");
            blank.put("embeds", List.of());
            blank.put("attachments", List.of());
            blank.put("components", List.of());
            return blank;
        }

        private boolean mentionsBot(Map<String, Object> message) {
            return message.get("mentions") instanceof List<?> mentions
                    && mentions.stream()
                            .anyMatch(m -> m instanceof Map<?, ?> u
                                    && Long.toString(BOT_ID).equals(u.get("id")));
        }
    }

    private final class Gateway extends WebSocketServer {
        private final Map<WebSocket, Session> bySocket = new ConcurrentHashMap<>();

        Gateway(InetSocketAddress address) {
            super(address);
        }

        @Override
        public void onOpen(WebSocket socket, ClientHandshake handshake) {
            Session session = new Session(socket);
            bySocket.put(socket, session);
            session.send(obj("op", 10, "d", obj("heartbeat_interval", 41250)));
        }

        @Override
        public void onClose(WebSocket socket, int code, String reason, boolean remote) {
            Session session = bySocket.remove(socket);
            if (session == null) return;
            synchronized (sessions) {
                sessions.remove(session);
                boolean resumedElsewhere =
                        sessions.stream().anyMatch(other -> session.id != null && session.id.equals(other.id));
                if (session.id != null && session.ready && !resumedElsewhere) resumable.put(session.id, session);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void onMessage(WebSocket socket, String text) {
            Session session = bySocket.get(socket);
            Map<String, Object> payload = Json.read(text);
            int op = ((Number) payload.get("op")).intValue();
            Map<String, Object> d = payload.get("d") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            switch (op) {
                case 1 -> session.send(obj("op", 11, "d", null));
                case 2 -> identify(session, d);
                case 6 -> resume(session, d);
                case 8 -> members(session, d);
                default -> {}
            }
        }

        private void identify(Session session, Map<String, Object> d) {
            if (d.get("intents") instanceof Number intents) session.intents = intents.intValue();
            if ((session.intents & PRIVILEGED & ~grantedPrivileged) != 0) {
                session.socket.close(4014, "Disallowed intent(s).");
                return;
            }
            if (d.get("shard") instanceof List<?> shard) {
                session.shard = ((Number) shard.get(0)).intValue();
                session.shardCount = ((Number) shard.get(1)).intValue();
            }
            session.id = UUID.randomUUID().toString();
            sessions.add(session);
            List<Object> unavailable = new ArrayList<>();
            for (World.GuildSpec guild : world.guilds.values()) {
                if (session.holds(guild.id)) unavailable.add(obj("id", Long.toString(guild.id), "unavailable", true));
            }
            session.dispatch(
                    "READY",
                    obj(
                            "v",
                            10,
                            "user",
                            world.userJson(BOT_ID),
                            "guilds",
                            unavailable,
                            "session_id",
                            session.id,
                            "resume_gateway_url",
                            gatewayUrl(),
                            "private_channels",
                            List.of(),
                            "relationships",
                            List.of(),
                            "presences",
                            List.of(),
                            "shard",
                            List.of(session.shard, session.shardCount),
                            "application",
                            obj("id", Long.toString(APPLICATION_ID), "flags", 0)));
            for (World.GuildSpec guild : world.guilds.values()) {
                if (session.holds(guild.id))
                    session.dispatch(
                            "GUILD_CREATE", world.guildCreate(guild, (session.intents & GUILD_PRESENCES) != 0));
            }
            session.ready = true;
        }

        /** REQUEST_GUILD_MEMBERS: the whole member list in one chunk (the fake's guilds are small). */
        private void members(Session session, Map<String, Object> d) {
            if ((session.intents & GUILD_MEMBERS) == 0) {
                session.socket.close(4013, "Invalid intent(s).");
                return;
            }
            Object ids = d.get("guild_id");
            for (Object id : ids instanceof List<?> list ? list : List.of(ids)) {
                World.GuildSpec guild = world.guild(Long.parseLong(id.toString()));
                List<Object> members = guild.members().stream()
                        .map(m -> (Object) world.memberJson(guild, m, true))
                        .toList();
                session.dispatch(
                        "GUILD_MEMBERS_CHUNK",
                        obj(
                                "guild_id",
                                id.toString(),
                                "members",
                                members,
                                "chunk_index",
                                0,
                                "chunk_count",
                                1,
                                "not_found",
                                List.of(),
                                "nonce",
                                d.get("nonce")));
            }
        }

        private void resume(Session session, Map<String, Object> d) {
            String previous = String.valueOf(d.get("session_id"));
            // under the dispatch lock: nothing dispatched between the old socket's close and the resume is lost
            synchronized (sessions) {
                Session old = resumable.remove(previous);
                if (old == null)
                    old = sessions.stream()
                            .filter(other -> previous.equals(other.id))
                            .findFirst()
                            .orElse(null);
                if (old != null) sessions.remove(old);
                if (invalidateOnResume || !dispatchLog.containsKey(previous)) {
                    invalidateOnResume = false;
                    dispatchLog.remove(previous); // what was dispatched to the old session is lost with it
                    session.send(obj("op", 9, "d", false));
                    return;
                }
                int seq = ((Number) d.get("seq")).intValue();
                session.id = previous;
                session.shard = old != null ? old.shard : session.shard;
                session.shardCount = old != null ? old.shardCount : session.shardCount;
                session.intents = old != null ? old.intents : session.intents;
                List<Map<String, Object>> log = List.copyOf(dispatchLog.getOrDefault(previous, List.of()));
                int replayFrom = Math.max(0, seq - replayOnResume);
                replayOnResume = 0;
                for (Map<String, Object> payload : log) {
                    int s = ((Number) payload.get("s")).intValue();
                    // Discord never sends a session's READY or initial GUILD_CREATEs again on a resume
                    boolean handshake = payload.get("t").equals("READY")
                            || payload.get("t").equals("GUILD_CREATE")
                            || payload.get("t").equals("RESUMED");
                    if (s > replayFrom && (!handshake || s > seq)) session.send(payload);
                }
                session.seq = Math.max(
                        seq,
                        log.isEmpty() ? seq : ((Number) log.get(log.size() - 1).get("s")).intValue());
                session.dispatch("RESUMED", obj());
                session.ready = true;
                sessions.add(session);
            }
        }

        @Override
        public void onError(WebSocket socket, Exception e) {
            log.debug("fake gateway error", e);
        }

        @Override
        public void onStart() {}
    }
}
