package warden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import warden.common.Actor;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.Permission;
import warden.fakediscord.World;
import warden.sanctions.ImposeSanction;
import warden.sanctions.SanctionId;
import warden.sanctions.SanctionKind;
import warden.sanctions.SanctionSpec;

/**
 * Two bot nodes on one PostgreSQL, each holding one of the fake Discord's two shards: every sanction is carried out
 * once, by the node that holds its guild, and none fails for having been seen by the other node. Then the second
 * node stops, a sanction is decided meanwhile, and a third node that takes the shard over carries it out.
 */
class TwoBotNodesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void eachNodeCarriesOutTheSanctionsOfItsShard() {
        long[] guilds = new long[2];
        List<List<Long>> members = List.of(new ArrayList<>(), new ArrayList<>());
        try (FakeDiscord fake = new FakeDiscord()) {
            World world = fake.world();
            for (int shard = 0; shard < 2; shard++) {
                World.GuildSpec guild = world.guildOnShard("Shard " + shard, shard, 2);
                guilds[shard] = guild.id();
                guild.channel("general");
                guild.owner(guild.member("owner-" + shard));
                guild.withWarden(Permission.MODERATION_BOT, 5);
                for (int i = 0; i < 4; i++) members.get(shard).add(guild.member("member-" + shard + "-" + i));
            }
            fake.start();
            try (ConfigurableApplicationContext first = node(fake, "0", null)) {
                String database = first.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
                ConfigurableApplicationContext second = node(fake, "1", database);
                try {
                    awaitGuild(first, guilds[0]);
                    awaitGuild(second, guilds[1]);
                    assertThat(first.getBean(ShardManager.class).getGuildById(guilds[1]))
                            .as("node 0 does not hold shard 1")
                            .isNull();

                    CommandGateway commands = first.getBean(CommandGateway.class);
                    for (int shard = 0; shard < 2; shard++) {
                        for (long member : members.get(shard).subList(0, 3)) ban(commands, guilds[shard], member);
                    }
                    JdbcClient db = first.getBean(JdbcClient.class);
                    await().atMost(WAIT).until(() -> count(db, "SanctionApplied") == 6);
                    for (int shard = 0; shard < 2; shard++) {
                        for (long member : members.get(shard).subList(0, 3)) {
                            assertThat(fake.requests("PUT", "guilds/" + guilds[shard] + "/bans/" + member))
                                    .hasSize(1);
                        }
                    }
                    assertThat(count(db, "SanctionFailed")).isZero();
                    assertThat(db.sql(
                                            "select processorname from tokenentry where processorname like 'sanction-executor%' group by processorname order by 1")
                                    .query(String.class)
                                    .list())
                            .containsExactly("sanction-executor@0-of-2", "sanction-executor@1-of-2");
                } finally {
                    second.close();
                }

                // shard 1 has no node now: its sanction waits in the store, then a new node takes the shard over
                long late = members.get(1).get(3);
                ban(first.getBean(CommandGateway.class), guilds[1], late);
                try (ConfigurableApplicationContext third = node(fake, "1", database)) {
                    awaitGuild(third, guilds[1]);
                    JdbcClient db = first.getBean(JdbcClient.class);
                    await().atMost(WAIT).until(() -> count(db, "SanctionApplied") == 7);
                    assertThat(fake.requests("PUT", "guilds/" + guilds[1] + "/bans/" + late))
                            .hasSize(1);
                    assertThat(count(db, "SanctionFailed")).isZero();
                }
            }
        }
    }

    private static void ban(CommandGateway commands, long guild, long member) {
        commands.sendAndWait(new ImposeSanction(
                MemberKey.of(guild, member),
                SanctionId.of("two-nodes-" + member),
                SanctionSpec.of(SanctionKind.BAN),
                Actor.moderator(UserId.of(7)),
                "raid",
                Instant.now(),
                null));
    }

    private static long count(JdbcClient db, String event) {
        return db.sql("select count(*) from domainevententry where payloadtype = ?")
                .param("warden.sanctions." + event)
                .query(Long.class)
                .single();
    }

    private static void awaitGuild(ConfigurableApplicationContext node, long guild) {
        ShardManager shards = node.getBean(ShardManager.class);
        await().atMost(WAIT).until(() -> shards.getGuildById(guild) != null);
    }

    /** A bot node holding one shard of two; the first one starts the embedded database, the others use it. */
    private ConfigurableApplicationContext node(FakeDiscord fake, String shard, String database) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--warden.discord.token=fake-bot-token",
                "--warden.discord.api-base-url=" + fake.restBaseUrl(),
                "--warden.discord.gateway-url=" + fake.gatewayUrl(),
                "--warden.discord.shards-total=2",
                "--warden.discord.shards=" + shard,
                "--logging.level.org.axonframework=WARN"));
        if (database == null) {
            args.addAll(List.of(
                    "--warden.embedded-db.data-dir=" + dataDir,
                    "--warden.embedded-db.working-dir=target/embedded-pg",
                    "--warden.embedded-db.durable=false"));
        } else {
            args.addAll(List.of(
                    "--spring.datasource.url=" + database,
                    "--spring.datasource.username=postgres",
                    // the first node runs the read models; this one is a bot node only
                    "--warden.roles=bot"));
        }
        return new SpringApplicationBuilder(WardenApplication.class).run(args.toArray(String[]::new));
    }
}
