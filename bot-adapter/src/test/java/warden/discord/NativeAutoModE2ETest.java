package warden.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import warden.automod.AutomodSettings;
import warden.automod.MentionSettings;
import warden.automod.NativeAutoModRefusals;
import warden.automod.VocabularySettings;
import warden.common.Actor;
import warden.common.ChannelId;
import warden.common.GuildId;
import warden.common.RoleId;
import warden.config.ConfigureAutomod;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.FakeDiscordExtension;
import warden.fakediscord.Fault;
import warden.fakediscord.Permission;
import warden.fakediscord.RecordedRequest;
import warden.fakediscord.World;
import warden.platform.testing.WardenSpringTest;

/** "Block messages": Warden's rules in Discord's native AutoMod follow the policy, and blocks are recorded. */
@WardenSpringTest
@DirtiesContext
class NativeAutoModE2ETest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static long guild, general, member;
    static long exempting, exemptGeneral, staffChannel, trustedRole, refusing, refusingGeneral;
    static long own, ownGeneral, ownOwner, ownMember;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension(world -> {
        World.GuildSpec g = world.guild("AutoMod guild");
        guild = g.id();
        general = g.channel("general");
        member = g.member("member");
        g.owner(g.member("owner"));
        g.withWarden(Permission.MODERATION_BOT, 5);
        World.GuildSpec e = world.guild("Exempting guild");
        exempting = e.id();
        exemptGeneral = e.channel("general");
        staffChannel = e.channel("staff");
        trustedRole = e.role("Trusted", Permission.EVERYONE);
        e.owner(e.member("owner-e"));
        e.withWarden(Permission.MODERATION_BOT, 5);
        World.GuildSpec r = world.guild("Refusing guild");
        refusing = r.id();
        refusingGeneral = r.channel("general");
        r.systemChannel(refusingGeneral);
        r.owner(r.member("owner-r"));
        r.withWarden(Permission.MODERATION_BOT, 5);
        World.GuildSpec o = world.guild("Own rules guild");
        own = o.id();
        ownGeneral = o.channel("general");
        ownOwner = o.member("owner-o");
        o.owner(ownOwner);
        ownMember = o.member("member-o");
        o.withWarden(Permission.MODERATION_BOT, 5);
    });

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        FakeDiscordProperties.register(registry, DISCORD);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcClient db;

    @Autowired
    NativeAutoModRefusals refusals;

    @Autowired
    warden.config.GuildPolicies policies;

    @Test
    void blockMessagesCreatesKeepsAndRemovesNativeRulesAndBlocksAreRecorded() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        AutomodSettings blocking = new AutomodSettings(
                new VocabularySettings(
                        true, false, null, null, List.of("chat*", "idiot"), List.of("chateau"), true, false),
                null,
                null,
                null,
                null,
                null,
                new MentionSettings(true, false, null, null, Duration.ofSeconds(10), 8, false, true),
                null,
                null,
                null);
        long version = commands.sendAndWait(
                new ConfigureAutomod(GuildId.of(guild), blocking, null, Actor.system("test"), Instant.now()));
        await().atMost(WAIT).until(() -> rulesOf(fake, guild) == 2);
        Map<String, Object> vocabulary = rule(fake, guild, "Warden · vocabulary");
        assertThat(vocabulary.get("trigger_metadata").toString())
                .contains("chat*")
                .contains("idiot")
                .contains("chateau");
        Map<String, Object> mentions = rule(fake, guild, "Warden · mentions");
        assertThat(mentions.get("trigger_metadata").toString()).contains("mention_total_limit=8");

        // Discord blocks a message under Warden's rule: the block is an infraction, recorded once
        Map<String, Object> execution = Map.of(
                "guild_id",
                Long.toString(guild),
                "rule_id",
                vocabulary.get("id"),
                "rule_trigger_type",
                1,
                "user_id",
                Long.toString(member),
                "channel_id",
                Long.toString(general),
                "content",
                "you idiot",
                "matched_keyword",
                "idiot",
                "matched_content",
                "idiot",
                "action",
                Map.of("type", 1, "metadata", Map.of()));
        // the same insult blocked three times is three infractions: a blocked message has no id, each execution its own
        fake.dispatch("AUTO_MODERATION_ACTION_EXECUTION", execution);
        fake.dispatch("AUTO_MODERATION_ACTION_EXECUTION", execution);
        fake.dispatch("AUTO_MODERATION_ACTION_EXECUTION", execution);
        await().atMost(WAIT).until(() -> infractions("VOCABULARY") == 3);
        // the same executions delivered again after a resume are not counted again
        fake.forceReconnect(3);
        long sentinel = fake.postMessage(guild, general, member, "idiot again");
        fake.awaitRequest("DELETE", "channels/" + general + "/messages/" + sentinel, WAIT);
        await().atMost(WAIT).until(() -> infractions("VOCABULARY") == 4);

        // the block option off: Warden's rules go away
        commands.sendAndWait(new ConfigureAutomod(
                GuildId.of(guild),
                new AutomodSettings(
                        new VocabularySettings(
                                true, false, null, null, List.of("chat*", "idiot"), List.of("chateau"), false, false),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                version,
                Actor.system("test"),
                Instant.now()));
        await().atMost(WAIT).until(() -> rulesOf(fake, guild) == 0);
        List<RecordedRequest> creates = fake.requests("POST", "guilds/" + guild + "/auto-moderation/rules");
        assertThat(creates).hasSize(2);
    }

    @Test
    void ignoredChannelsAndRolesBecomeTheRulesExemptions() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        long version = commands.sendAndWait(new ConfigureAutomod(
                GuildId.of(exempting),
                new AutomodSettings(
                        new VocabularySettings(
                                true,
                                false,
                                Set.of(ChannelId.of(staffChannel)),
                                Set.of(RoleId.of(trustedRole)),
                                List.of("idiot"),
                                null,
                                true,
                                false),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                null,
                Actor.system("test"),
                Instant.now()));
        await().atMost(WAIT).until(() -> rule(fake, exempting, "Warden · vocabulary") != null);
        Map<String, Object> rule = rule(fake, exempting, "Warden · vocabulary");
        assertThat(rule.get("exempt_channels")).isEqualTo(List.of(Long.toString(staffChannel)));
        assertThat(rule.get("exempt_roles")).isEqualTo(List.of(Long.toString(trustedRole)));

        // the channel is no longer ignored: the rule is edited in place, without exemptions
        commands.sendAndWait(new ConfigureAutomod(
                GuildId.of(exempting),
                new AutomodSettings(
                        new VocabularySettings(true, false, null, null, List.of("idiot"), null, true, false),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                version,
                Actor.system("test"),
                Instant.now()));
        await().atMost(WAIT)
                .until(() -> List.of()
                        .equals(rule(fake, exempting, "Warden · vocabulary").get("exempt_channels")));
        assertThat(fake.requests("PATCH", "guilds/" + exempting + "/auto-moderation/rules/\\d+"))
                .hasSize(1);
        assertThat(fake.requests("POST", "guilds/" + exempting + "/auto-moderation/rules"))
                .hasSize(1);
    }

    @Test
    void aRuleDiscordRefusesIsShownToTheAdminsAndOnTheHealthEndpoint() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        fake.inject(Fault.missingPermissions("POST", "guilds/" + refusing + "/auto-moderation/rules"));
        commands.sendAndWait(new ConfigureAutomod(
                GuildId.of(refusing),
                new AutomodSettings(
                        new VocabularySettings(true, false, null, null, List.of("idiot"), null, true, false),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                null,
                Actor.system("test"),
                Instant.now()));
        RecordedRequest notice = fake.awaitRequest(
                r -> r.is("POST", "channels/" + refusingGeneral + "/messages")
                        && String.valueOf(r.text("content"))
                                .contains("refused Warden's native AutoMod rule for the vocabulary module"),
                WAIT,
                "notice");
        assertThat(notice.text("content")).contains("Missing Permissions");
        await().atMost(WAIT).until(() -> refusals.of(refusing).containsKey("vocabulary"));
        assertThat(refusals.health().getDetails().get("refusedRules")).isEqualTo(1);
        fake.clearFaults();
    }

    @Test
    void blocksUnderTheServersOwnRulesAreRecordedWhenTheServerAsks() throws Exception {
        FakeDiscord fake = DISCORD.discord();
        long rule = fake.addServerAutoModRule(own, ownOwner, "No slurs", List.of("slur"));
        Map<String, Object> execution = new java.util.HashMap<>(Map.of(
                "guild_id",
                Long.toString(own),
                "rule_id",
                Long.toString(rule),
                "rule_trigger_type",
                1,
                "user_id",
                Long.toString(ownMember),
                "channel_id",
                Long.toString(ownGeneral),
                "content",
                "a slur here",
                "matched_keyword",
                "slur",
                "matched_content",
                "slur",
                "action",
                Map.of("type", 1, "metadata", Map.of())));
        // by default the server's own rules are the server's business: nothing recorded
        fake.dispatch("AUTO_MODERATION_ACTION_EXECUTION", execution);
        fake.awaitRequest("GET", "guilds/" + own + "/auto-moderation/rules", WAIT);
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
        assertThat(infractions(own, ownMember, "VOCABULARY")).isZero();

        var policy = policies.current(GuildId.of(own));
        commands.sendAndWait(new warden.config.ConfigureModeration(
                GuildId.of(own),
                warden.automod.AutomodOptions.with(policy.moderation(), "moderation", "recordServerAutoMod", "on"),
                policy.version(),
                Actor.system("test"),
                Instant.now()));
        await().atMost(WAIT)
                .until(() -> policies.current(GuildId.of(own)).moderation().recordServerAutoMod());
        fake.dispatch("AUTO_MODERATION_ACTION_EXECUTION", execution);
        fake.dispatch("AUTO_MODERATION_ACTION_EXECUTION", execution);
        await().atMost(WAIT).until(() -> infractions(own, ownMember, "VOCABULARY") == 2);
        assertThat(db.sql("select reason from infraction_state where guild_id = ? and user_id = ?")
                        .params(own, ownMember)
                        .query(String.class)
                        .list())
                .containsOnly("Blocked before sending by the server's AutoMod rule \"No slurs\".");
    }

    private long infractions(long guildId, long user, String type) {
        return db.sql(
                        "select count(*) from infraction_state where guild_id = ? and user_id = ? and infraction_type = ?")
                .params(guildId, user, type)
                .query(Long.class)
                .single();
    }

    private static long rulesOf(FakeDiscord fake, long guildId) {
        return fake.autoModRules().stream()
                .filter(r -> r.get("guild_id").equals(Long.toString(guildId)))
                .count();
    }

    private static Map<String, Object> rule(FakeDiscord fake, long guildId, String name) {
        return fake.autoModRules().stream()
                .filter(r -> r.get("name").equals(name) && r.get("guild_id").equals(Long.toString(guildId)))
                .findFirst()
                .orElse(null);
    }

    private long infractions(String type) {
        return db.sql(
                        "select count(*) from infraction_state where guild_id = ? and user_id = ? and infraction_type = ?")
                .params(guild, member, type)
                .query(Long.class)
                .single();
    }
}
