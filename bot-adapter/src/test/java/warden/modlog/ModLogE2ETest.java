package warden.modlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.common.Actor;
import warden.common.GuildId;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.config.ConfigureModeration;
import warden.config.GuildPolicies;
import warden.config.ModerationSettings;
import warden.discord.FakeDiscordProperties;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Permission;
import warden.fakediscord.RecordedRequest;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;
import warden.sanctions.Evidence;
import warden.sanctions.ImposeSanction;
import warden.sanctions.InfractionId;
import warden.sanctions.InfractionType;
import warden.sanctions.LiftSanction;
import warden.sanctions.RecordInfraction;
import warden.sanctions.SanctionId;
import warden.sanctions.SanctionSpec;

/**
 * Every case is posted in the server's moderation log channel with its number, and its post edited when it changes;
 * a burst of cases shares posts, so the channel stays within Discord's limits.
 */
@WardenSpringTest
@DirtiesContext
class ModLogE2ETest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static long guild, logChannel, moderator, member;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(ModLogE2ETest::world);

    static void world(World world) {
        World.GuildSpec g = world.guild("Logged guild");
        guild = g.id();
        g.channel("general");
        logChannel = g.channel("mod-log");
        moderator = g.member("mod");
        member = g.member("member");
        g.owner(g.member("owner"));
        g.withWarden(Permission.MODERATION_BOT, 5);
    }

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
        registry.add("warden.panel.public-url", () -> "https://panel.example/");
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    GuildPolicies policies;

    @Autowired
    JdbcClient db;

    @Test
    void casesArePostedEditedWhenTheyChangeAndGroupedInABurst() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        GuildId id = GuildId.of(guild);
        var current = policies.current(id);
        ModerationSettings m = current.moderation();
        commands.sendAndWait(new ConfigureModeration(
                id,
                warden.automod.AutomodOptions.with(m, "moderation", "modLogChannel", "<#" + logChannel + ">"),
                current.version(),
                Actor.system("test"),
                Instant.now()));

        MemberKey key = MemberKey.of(guild, member);
        commands.sendAndWait(new ImposeSanction(
                key,
                SanctionId.of("t-1"),
                SanctionSpec.timeout(Duration.ofHours(1)),
                Actor.moderator(UserId.of(moderator)),
                "flooding the chat",
                Instant.now(),
                null));
        RecordedRequest posted = fake.awaitRequest(
                r -> r.is("POST", "channels/" + logChannel + "/messages")
                        && String.valueOf(r.body().get("embeds")).contains("flooding the chat"),
                WAIT,
                "the case's post");
        assertThat(String.valueOf(posted.body().get("embeds")))
                .contains("Case #")
                .contains("timeout")
                .contains("<@" + moderator + ">")
                .as("the case's page on the panel")
                .contains("url=https://panel.example/panel/guilds/" + guild + "/sanctions/t-1");

        commands.sendAndWait(new LiftSanction(
                key, SanctionId.of("t-1"), Actor.moderator(UserId.of(moderator)), "appeal", Instant.now()));
        long message = db.sql("select message_id from modlog_post where guild_id = ? and ref_id = 't-1'")
                .param(guild)
                .query(Long.class)
                .single();
        RecordedRequest edited = fake.awaitRequest(
                r -> r.is("PATCH", "channels/" + logChannel + "/messages/" + message)
                        && String.valueOf(r.body().get("embeds")).contains("lifted"),
                WAIT,
                "the post edited");
        assertThat(String.valueOf(edited.body().get("embeds"))).contains("flooding the chat");

        // a raid: 200 automod cases at once
        int before =
                fake.requests("POST", "channels/" + logChannel + "/messages").size();
        for (int i = 0; i < 200; i++) {
            commands.sendAndWait(new RecordInfraction(
                    MemberKey.of(guild, 900_000_000_000_000_000L + i),
                    InfractionId.of("raid-" + i),
                    InfractionType.SPAM,
                    Actor.automod("spam"),
                    "raid",
                    Evidence.none(),
                    Instant.now(),
                    null));
        }
        await().atMost(WAIT)
                .until(() -> db.sql("select count(*) from modlog_post where guild_id = ? and ref_id like 'raid-%'")
                                .param(guild)
                                .query(Long.class)
                                .single()
                        == 200);
        List<RecordedRequest> raidPosts = fake.requests("POST", "channels/" + logChannel + "/messages");
        assertThat(raidPosts.size() - before)
                .as("posts for 200 cases")
                .isLessThanOrEqualTo(200 / ModLogPoster.GROUP + 2 * ModLogPoster.ALONE);
        assertThat(fake.requests()).noneMatch(r -> r.status() == 429);
        // the last group's rows leave the outbox in the transaction after its post
        await().atMost(WAIT)
                .until(() -> db.sql("select count(*) from modlog_outbox")
                                .query(Long.class)
                                .single()
                        == 0);
    }
}
