package warden.federation;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import warden.common.Actor;
import warden.common.CommandRefusedException;
import warden.common.GuildId;
import warden.common.UserId;

/** Partners by single-use invitation, who may publish, revocation without silent unbans, and a publisher's suspension. */
class FederationTest {

    static final String FED = "f1";
    static final GuildId A = GuildId.of(1001), B = GuildId.of(2002), C = GuildId.of(3003);
    static final Actor ADMIN = Actor.moderator(UserId.of(7));
    static final UserId RAIDER = UserId.of(666);
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    AggregateTestFixture<Federation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Federation.class);
    }

    static FederationCreated created() {
        return new FederationCreated(FED, "Alliance", A, ADMIN, T0);
    }

    static PartnerInvited invited(String id, String hash, boolean publish) {
        return new PartnerInvited(FED, A, id, hash, publish, true, T0.plusSeconds(3600), ADMIN, T0);
    }

    static PartnerJoined joined(GuildId guild, String invite, boolean publish) {
        return new PartnerJoined(FED, guild, invite, publish, true, ADMIN, T0);
    }

    static BanPublished published(String entry, UserId user, GuildId publisher) {
        return new BanPublished(FED, entry, user, "raid", List.of(), publisher, ADMIN, T0);
    }

    @Test
    void onlyTheOwnerInvitesAndAnInvitationIsSingleUseAndExpires() {
        fixture.given(created())
                .when(new InvitePartner(FED, B, "i1", "h1", false, true, T0.plusSeconds(60), ADMIN, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.federation.ownerOnly"));
        fixture.given(created(), invited("i1", "h1", false))
                .when(new JoinFederation(FED, B, "h1", ADMIN, T0.plusSeconds(10)))
                .expectEvents(new PartnerJoined(FED, B, "i1", false, true, ADMIN, T0.plusSeconds(10)));
        fixture.given(created(), invited("i1", "h1", false), joined(B, "i1", false))
                .when(new JoinFederation(FED, C, "h1", ADMIN, T0.plusSeconds(20)))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.federation.badCode"));
        fixture.given(created(), invited("i1", "h1", false))
                .when(new JoinFederation(FED, C, "h1", ADMIN, T0.plusSeconds(7200)))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.federation.codeExpired"));
    }

    @Test
    void onlyPublishersPublishAndAnEntryIsListedOncePerPublisher() {
        fixture.given(created(), invited("i1", "h1", false), joined(B, "i1", false))
                .when(new PublishBan(FED, "e1", B, RAIDER, "raid", List.of(), ADMIN, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.federation.cannotPublish"));
        fixture.given(created())
                .when(new PublishBan(FED, "e1", A, RAIDER, "raid", List.of("https://example.org/proof.png"), ADMIN, T0))
                .expectEvents(new BanPublished(
                        FED, "e1", RAIDER, "raid", List.of("https://example.org/proof.png"), A, ADMIN, T0))
                .expectResultMessagePayload("e1");
        fixture.given(created(), published("e1", RAIDER, A))
                .when(new PublishBan(FED, "e2", A, RAIDER, "again", List.of(), ADMIN, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.federation.alreadyListed"));
    }

    @Test
    void revokingIsNeverARevertButAnExplicitUnbanIs() {
        fixture.given(
                        created(),
                        invited("i1", "h1", true),
                        joined(B, "i1", true),
                        published("e1", RAIDER, A),
                        published("e2", RAIDER, B))
                .when(new RevokeBan(FED, "e1", A, ADMIN, T0))
                .expectEvents(new BanRevoked(FED, A, "e1", RAIDER, false, 1, ADMIN, T0));
        fixture.given(created(), invited("i1", "h1", true), joined(B, "i1", true), published("e2", RAIDER, B))
                .when(new RevokeBan(FED, "e2", C, ADMIN, T0))
                .expectException(CommandRefusedException.class);
        fixture.given(
                        created(),
                        invited("i1", "h1", true),
                        joined(B, "i1", true),
                        published("e1", RAIDER, A),
                        published("e2", RAIDER, B))
                .when(new UnbanEverywhere(FED, A, RAIDER, ADMIN, T0))
                .expectEvents(
                        new BanRevoked(FED, A, "e1", RAIDER, true, 1, ADMIN, T0),
                        new BanRevoked(FED, A, "e2", RAIDER, true, 0, ADMIN, T0));
    }

    @Test
    void suspendingACompromisedPublisherRevertsOnlyWhatItAlonePublished() {
        UserId innocent = UserId.of(777);
        fixture.given(
                        created(),
                        invited("i1", "h1", true),
                        joined(B, "i1", true),
                        published("e1", innocent, B),
                        published("e2", RAIDER, B),
                        published("e3", RAIDER, A))
                .when(new SuspendPartner(FED, A, B, true, ADMIN, T0))
                .expectEvents(
                        new PartnerSuspended(FED, A, B, true, ADMIN, T0),
                        new BanRevoked(FED, A, "e1", innocent, true, 0, ADMIN, T0),
                        new BanRevoked(FED, A, "e2", RAIDER, true, 1, ADMIN, T0));
        fixture.given(
                        created(),
                        invited("i1", "h1", true),
                        joined(B, "i1", true),
                        new PartnerSuspended(FED, A, B, false, ADMIN, T0))
                .when(new PublishBan(FED, "e9", B, RAIDER, "raid", List.of(), ADMIN, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.federation.cannotPublish"));
    }

    @Test
    void aRaidIsSharedOnceAndNotByASuspendedPartner() {
        fixture.given(created())
                .when(new ShareRaidAlert(FED, A, "raid:1", 5, true, T0))
                .expectEvents(new RaidAlertShared(FED, A, "raid:1", 5, true, T0));
        fixture.given(created(), new RaidAlertShared(FED, A, "raid:1", 5, true, T0))
                .when(new ShareRaidAlert(FED, A, "raid:1", 6, true, T0))
                .expectNoEvents();
        fixture.given(
                        created(),
                        invited("i1", "h1", true),
                        joined(B, "i1", true),
                        new PartnerSuspended(FED, A, B, false, ADMIN, T0))
                .when(new ShareRaidAlert(FED, B, "raid:2", 5, true, T0))
                .expectNoEvents();
    }

    @Test
    void theOwnerNamesTheTeamAndEachPartnerLetsItIn() {
        fixture.given(created(), invited("i1", "h1", false), joined(B, "i1", false))
                .when(new ChangeStaffRole(FED, B, "4242", ADMIN, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.federation.ownerOnly"));
        fixture.given(created())
                .when(new ChangeStaffRole(FED, A, "4242", ADMIN, T0))
                .expectEvents(new StaffRoleChanged(FED, A, "4242", ADMIN, T0));
        fixture.given(created())
                .when(new ChangeTeamAccess(FED, C, true, ADMIN, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.federation.notPartner"));
        fixture.given(created(), invited("i1", "h1", false), joined(B, "i1", false))
                .when(new ChangeTeamAccess(FED, B, true, ADMIN, T0))
                .expectEvents(new TeamAccessChanged(FED, B, true, ADMIN, T0));
    }

    @Test
    void anOutcomeIsRecordedOnceAndOverridesOnce() {
        EnforcementRecorded applied = new EnforcementRecorded(FED, "e1", A, EnforcementOutcome.APPLIED, null, T0);
        fixture.given(created(), published("e1", RAIDER, A), applied)
                .when(new RecordEnforcement(FED, "e1", A, EnforcementOutcome.APPLIED, null, T0))
                .expectNoEvents();
        fixture.given(created(), published("e1", RAIDER, A), new EntryOverridden(FED, "e1", A, ADMIN, T0))
                .when(new OverrideEntry(FED, "e1", A, ADMIN, T0))
                .expectNoEvents();
        fixture.given(created())
                .when(new LeaveFederation(FED, A, ADMIN, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(containsString("error.federation.ownerCannotLeave"));
    }
}
