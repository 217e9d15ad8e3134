package warden.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import warden.automod.AutomodSettings;
import warden.common.Actor;
import warden.common.EventJson;
import warden.common.GuildId;
import warden.config.ConfigureAutomod;
import warden.config.SetPremium;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.Permission;
import warden.fakediscord.World;
import warden.platform.Commands;

/**
 * Warden against its built-in fake Discord, with two demo servers, so that anyone can watch it moderate without a bot
 * token: the page {@code /sandbox} posts as any member and shows what Warden does. Nothing of it can reach the real
 * Discord: the token is a placeholder and JDA is pointed at the fake's loopback addresses.
 */
public final class Sandbox implements AutoCloseable {

    /** The demo world: who is where, for the page and for tests. */
    public record Demo(
            long cafe,
            long arcade,
            long general,
            long lounge,
            long arcadeLounge,
            long admin,
            long arcadeAdmin,
            long moderator,
            List<Long> members) {}

    private static final String PANEL_CLIENT_ID = "sandbox-panel";

    private final FakeDiscord discord;
    private final ConfigurableApplicationContext context;
    private final Demo demo;

    private Sandbox(FakeDiscord discord, ConfigurableApplicationContext context, Demo demo) {
        this.discord = discord;
        this.context = context;
        this.demo = demo;
    }

    public static Sandbox start(Class<?> application, String... extraArgs) {
        FakeDiscord discord = new FakeDiscord();
        Demo demo = world(discord.world());
        discord.start();
        String panelSecret = java.util.UUID.randomUUID().toString();
        List<String> args = new ArrayList<>(List.of(
                "--warden.sandbox.enabled=true",
                "--warden.discord.token=sandbox-token-not-a-discord-token",
                "--warden.discord.api-base-url=" + discord.restBaseUrl(),
                "--warden.discord.gateway-url=" + discord.gatewayUrl(),
                // the panel's "Sign in with Discord" goes to the fake Discord too, where one picks a demo member
                "--warden.panel.discord.client-id=" + PANEL_CLIENT_ID,
                "--warden.panel.discord.client-secret=" + panelSecret,
                "--warden.panel.discord.base-url=" + discord.webBaseUrl(),
                // mod-log embeds link to the sandbox's own panel, on the port it is given
                "--warden.panel.public-url=http://127.0.0.1:${local.server.port}",
                "--server.address=127.0.0.1"));
        // defaults the caller may override: Spring joins two values of one option with a comma
        for (String option : List.of(
                "--warden.embedded-db.data-dir=warden-sandbox-data", "--warden.discord.interserver-cooldown=0s")) {
            String key = option.substring(0, option.indexOf('=') + 1);
            if (java.util.Arrays.stream(extraArgs).noneMatch(a -> a.startsWith(key))) args.add(option);
        }
        args.addAll(List.of(extraArgs));
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(application)
                    .initializers(ctx ->
                            ctx.getBeanFactory().registerSingleton("sandboxDiscord", new SandboxDiscord(discord, demo)))
                    .run(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            discord.close(); // its server threads would keep a failed sandbox running for ever
            throw e;
        }
        String port = context.getEnvironment().getProperty("local.server.port");
        discord.oauthApp(
                PANEL_CLIENT_ID,
                panelSecret,
                "http://127.0.0.1:" + port + "/panel/login/oauth2/code/discord",
                "http://localhost:" + port + "/panel/login/oauth2/code/discord");
        configure(context.getBean(Commands.class), demo);
        link(discord, demo);
        return new Sandbox(discord, context, demo);
    }

    private static Demo world(World world) {
        World.GuildSpec cafe = world.guild("Sandbox Café");
        long general = cafe.channel("general");
        long lounge = cafe.channel("lounge");
        cafe.systemChannel(general);
        long admin = cafe.member("admin");
        cafe.owner(admin);
        long moderator = cafe.member(
                "moderator",
                cafe.role(
                        "Moderators",
                        Permission.EVERYONE
                                | Permission.MODERATE_MEMBERS
                                | Permission.KICK_MEMBERS
                                | Permission.BAN_MEMBERS,
                        2));
        List<Long> members = List.of(cafe.member("alice"), cafe.member("bob"), cafe.member("mallory"));
        cafe.withWarden(Permission.MODERATION_BOT, 10);
        World.GuildSpec arcade = world.guild("Sandbox Arcade");
        long arcadeLounge = arcade.channel("lounge");
        arcade.systemChannel(arcadeLounge);
        long arcadeAdmin = arcade.member("arcade-admin");
        arcade.owner(arcadeAdmin);
        arcade.member("carol");
        arcade.withWarden(Permission.MODERATION_BOT, 10);
        return new Demo(cafe.id(), arcade.id(), general, lounge, arcadeLounge, admin, arcadeAdmin, moderator, members);
    }

    private static void configure(Commands commands, Demo demo) {
        AutomodSettings settings;
        try (InputStream in = Sandbox.class.getResourceAsStream("/sandbox/demo-policy.json")) {
            settings = EventJson.mapper().readValue(in, AutomodSettings.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Actor sandbox = Actor.system("sandbox");
        for (long guild : List.of(demo.cafe(), demo.arcade())) {
            commands.sendAndWait(new ConfigureAutomod(GuildId.of(guild), settings, null, sandbox, Instant.now()));
        }
        commands.sendAndWait(new SetPremium(GuildId.of(demo.cafe()), true, sandbox, Instant.now()));
    }

    /**
     * Links the two lounges the way admins do: {@code !interserveur} in one (the frequency arrives by DM), then
     * {@code !interserveur <frequency>} in the other. Best effort: a sandbox without the link still moderates.
     */
    private static void link(FakeDiscord discord, Demo demo) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        // Warden registers its commands once every guild has arrived: then it is ready for messages
        while (discord.requests("PUT", "applications/\\d+/commands").isEmpty() && System.nanoTime() < deadline) pause();
        discord.postMessage(demo.cafe(), demo.lounge(), demo.admin(), "!interserveur");
        java.util.regex.Pattern secret = java.util.regex.Pattern.compile("`([0-9A-Z]{5}(?:-[0-9A-Z]{1,5})+)`");
        while (System.nanoTime() < deadline) {
            for (String dm : discord.directMessagesTo(demo.admin())) {
                java.util.regex.Matcher m = secret.matcher(dm);
                if (m.find()) {
                    discord.postMessage(
                            demo.arcade(), demo.arcadeLounge(), demo.arcadeAdmin(), "!interserveur " + m.group(1));
                    return;
                }
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public Demo demo() {
        return demo;
    }

    public FakeDiscord discord() {
        return discord;
    }

    @Override
    public void close() {
        context.close();
        discord.close();
    }
}
