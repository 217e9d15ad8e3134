package warden.federation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import warden.common.Actor;
import warden.common.CommandRefusedException;
import warden.common.GuildId;
import warden.common.UserId;

/**
 * A federation of partner servers: who is in it and with which roles, single-use invitations, the shared ban list
 * (entries published and revoked, with their provenance) and what became of each entry in each server. Revoking never
 * unbans by itself; only an explicit federation-wide unban, or the suspension of a compromised publisher, asks servers
 * to revert, and then only what no other entry still lists.
 * <p>
 * Its state keeps only what a decision can still use: expired invitations, overrides of revoked entries and raid
 * alerts older than {@link #RAID_MEMORY} are forgotten (event time); it is snapshotted every {@value SNAPSHOT_EVERY}
 * events, so a federation with years of history loads one snapshot and a few events.
 */
@Aggregate(snapshotTriggerDefinition = "federationSnapshots")
@Revision("1")
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Federation {

    static final int SNAPSHOT_EVERY = 250;
    /** A raid alert shared again after this long is another alert (a raid does not last for days). */
    static final Duration RAID_MEMORY = Duration.ofDays(7);

    record Partner(boolean publish, boolean subscribe, boolean suspended) {}

    record Invite(String codeHash, boolean publish, boolean subscribe, Instant expiresAt) {}

    record Entry(UserId user, GuildId publisher) {}

    @AggregateIdentifier
    private String federationId;

    private GuildId owner;
    private final Map<GuildId, Partner> partners = new LinkedHashMap<>();
    private final Map<String, Invite> invites = new HashMap<>();
    private final Map<String, Entry> active = new LinkedHashMap<>();
    private final Set<String> overrides = new HashSet<>();
    private final Map<String, EnforcementOutcome> outcomes = new HashMap<>();
    /** Raid alerts shared, by raid id, with when. */
    private final Map<String, Instant> sharedRaids = new HashMap<>();

    protected Federation() {
        // for Axon
    }

    @CommandHandler
    Federation(CreateFederation cmd) {
        apply(new FederationCreated(cmd.federationId(), cmd.name().strip(), cmd.guild(), cmd.by(), cmd.occurredAt()));
    }

    @CommandHandler
    void handle(InvitePartner cmd) {
        ownerOnly(cmd.guild());
        apply(new PartnerInvited(
                federationId,
                cmd.guild(),
                cmd.inviteId(),
                cmd.codeHash(),
                cmd.publish(),
                cmd.subscribe(),
                cmd.expiresAt(),
                cmd.by(),
                cmd.occurredAt()));
    }

    @CommandHandler
    void handle(JoinFederation cmd) {
        if (partners.containsKey(cmd.guild())) throw new CommandRefusedException("error.federation.alreadyPartner");
        Map.Entry<String, Invite> invite = invites.entrySet().stream()
                .filter(i -> i.getValue().codeHash().equals(cmd.codeHash()))
                .findFirst()
                .orElseThrow(() -> new CommandRefusedException("error.federation.badCode"));
        if (cmd.occurredAt().isAfter(invite.getValue().expiresAt()))
            throw new CommandRefusedException("error.federation.codeExpired");
        apply(new PartnerJoined(
                federationId,
                cmd.guild(),
                invite.getKey(),
                invite.getValue().publish(),
                invite.getValue().subscribe(),
                cmd.by(),
                cmd.occurredAt()));
    }

    @CommandHandler
    void handle(LeaveFederation cmd) {
        partner(cmd.guild());
        if (cmd.guild().equals(owner)) throw new CommandRefusedException("error.federation.ownerCannotLeave");
        apply(new PartnerLeft(federationId, cmd.guild(), cmd.by(), cmd.occurredAt()));
    }

    @CommandHandler
    void handle(SuspendPartner cmd) {
        ownerOnly(cmd.guild());
        Partner partner = partner(cmd.partner());
        if (cmd.partner().equals(owner)) throw new CommandRefusedException("error.federation.ownerCannotLeave");
        if (partner.suspended()) return;
        apply(new PartnerSuspended(federationId, cmd.guild(), cmd.partner(), cmd.revert(), cmd.by(), cmd.occurredAt()));
        if (!cmd.revert()) return;
        for (Map.Entry<String, Entry> e : new java.util.ArrayList<>(active.entrySet())) {
            if (e.getValue().publisher().equals(cmd.partner()))
                revoke(e.getKey(), cmd.guild(), true, cmd.by(), cmd.occurredAt());
        }
    }

    @CommandHandler
    void handle(ChangeSubscription cmd) {
        partner(cmd.guild());
        apply(new SubscriptionChanged(
                federationId, cmd.guild(), cmd.mode(), cmd.alertChannel(), cmd.by(), cmd.occurredAt()));
    }

    @CommandHandler
    void handle(ChangeNeverBan cmd) {
        partner(cmd.guild());
        apply(new NeverBanChanged(
                federationId,
                cmd.guild(),
                Set.copyOf(cmd.users()),
                Set.copyOf(cmd.roles()),
                cmd.by(),
                cmd.occurredAt()));
    }

    /** Answers with the entry's id. */
    @CommandHandler
    String handle(PublishBan cmd) {
        Partner partner = partner(cmd.guild());
        if (!partner.publish() || partner.suspended())
            throw new CommandRefusedException("error.federation.cannotPublish");
        if (active.containsKey(cmd.entryId())) return cmd.entryId();
        if (active.values().stream()
                .anyMatch(e -> e.user().equals(cmd.user()) && e.publisher().equals(cmd.guild()))) {
            throw new CommandRefusedException("error.federation.alreadyListed", cmd.user());
        }
        apply(new BanPublished(
                federationId,
                cmd.entryId(),
                cmd.user(),
                cmd.reason().strip(),
                cmd.evidence(),
                cmd.guild(),
                cmd.by(),
                cmd.occurredAt()));
        return cmd.entryId();
    }

    @CommandHandler
    void handle(RevokeBan cmd) {
        Entry entry = active.get(cmd.entryId());
        if (entry == null) throw new CommandRefusedException("error.federation.unknownEntry", cmd.entryId());
        if (!entry.publisher().equals(cmd.guild()) && !cmd.guild().equals(owner))
            throw new CommandRefusedException("error.federation.notYours");
        revoke(cmd.entryId(), cmd.guild(), false, cmd.by(), cmd.occurredAt());
    }

    @CommandHandler
    void handle(UnbanEverywhere cmd) {
        Partner partner = partner(cmd.guild());
        if (!partner.publish() || partner.suspended())
            throw new CommandRefusedException("error.federation.cannotPublish");
        var listed = active.entrySet().stream()
                .filter(e -> e.getValue().user().equals(cmd.user()))
                .map(Map.Entry::getKey)
                .toList();
        if (listed.isEmpty()) throw new CommandRefusedException("error.federation.notListed", cmd.user());
        for (String entryId : listed) revoke(entryId, cmd.guild(), true, cmd.by(), cmd.occurredAt());
    }

    @CommandHandler
    void handle(OverrideEntry cmd) {
        partner(cmd.guild());
        if (!active.containsKey(cmd.entryId()))
            throw new CommandRefusedException("error.federation.unknownEntry", cmd.entryId());
        if (overrides.contains(cmd.guild() + ":" + cmd.entryId())) return;
        apply(new EntryOverridden(federationId, cmd.entryId(), cmd.guild(), cmd.by(), cmd.occurredAt()));
    }

    @CommandHandler
    void handle(ChangeStaffRole cmd) {
        ownerOnly(cmd.guild());
        apply(new StaffRoleChanged(federationId, cmd.guild(), cmd.role(), cmd.by(), cmd.occurredAt()));
    }

    @CommandHandler
    void handle(ChangeTeamAccess cmd) {
        partner(cmd.guild());
        apply(new TeamAccessChanged(federationId, cmd.guild(), cmd.allowed(), cmd.by(), cmd.occurredAt()));
    }

    @CommandHandler
    void handle(ShareRaidAlert cmd) {
        Partner partner = partner(cmd.guild());
        if (partner.suspended() || sharedRaids.containsKey(cmd.raidId())) return;
        apply(new RaidAlertShared(
                federationId, cmd.guild(), cmd.raidId(), cmd.joins(), cmd.detected(), cmd.occurredAt()));
    }

    @CommandHandler
    void handle(RecordEnforcement cmd) {
        if (!partners.containsKey(cmd.guild())) return; // left meanwhile
        if (cmd.outcome() == outcomes.get(cmd.entryId() + ":" + cmd.guild())) return;
        apply(new EnforcementRecorded(
                federationId, cmd.entryId(), cmd.guild(), cmd.outcome(), cmd.detail(), cmd.occurredAt()));
    }

    private void revoke(String entryId, GuildId guild, boolean revert, Actor by, Instant at) {
        Entry revoked = active.get(entryId);
        // a revert takes back every entry of the same publisher: those are not left to list the user
        int remaining = (int) active.entrySet().stream()
                .filter(e -> !e.getKey().equals(entryId)
                        && e.getValue().user().equals(revoked.user())
                        && !(revert && e.getValue().publisher().equals(revoked.publisher())))
                .count();
        apply(new BanRevoked(federationId, guild, entryId, revoked.user(), revert, remaining, by, at));
    }

    private void ownerOnly(GuildId guild) {
        if (!guild.equals(owner)) throw new CommandRefusedException("error.federation.ownerOnly");
    }

    private Partner partner(GuildId guild) {
        Partner partner = partners.get(guild);
        if (partner == null) throw new CommandRefusedException("error.federation.notPartner");
        return partner;
    }

    @EventSourcingHandler
    void on(FederationCreated e) {
        federationId = e.federationId();
        owner = e.guild();
        partners.put(e.guild(), new Partner(true, true, false));
    }

    @EventSourcingHandler
    void on(PartnerInvited e) {
        invites.values().removeIf(i -> i.expiresAt().isBefore(e.occurredAt())); // unused and expired: never joinable
        invites.put(e.inviteId(), new Invite(e.codeHash(), e.publish(), e.subscribe(), e.expiresAt()));
    }

    @EventSourcingHandler
    void on(PartnerJoined e) {
        invites.remove(e.inviteId()); // single use
        partners.put(e.guild(), new Partner(e.publish(), e.subscribe(), false));
    }

    @EventSourcingHandler
    void on(PartnerLeft e) {
        partners.remove(e.guild());
    }

    @EventSourcingHandler
    void on(PartnerSuspended e) {
        Partner partner = partners.get(e.partner());
        partners.put(e.partner(), new Partner(partner.publish(), partner.subscribe(), true));
    }

    @EventSourcingHandler
    void on(BanPublished e) {
        active.put(e.entryId(), new Entry(e.user(), e.publisher()));
    }

    @EventSourcingHandler
    void on(BanRevoked e) {
        active.remove(e.entryId());
        overrides.removeIf(o -> o.endsWith(":" + e.entryId()));
    }

    @EventSourcingHandler
    void on(EntryOverridden e) {
        overrides.add(e.guild() + ":" + e.entryId());
    }

    @EventSourcingHandler
    void on(RaidAlertShared e) {
        sharedRaids.values().removeIf(at -> at.isBefore(e.occurredAt().minus(RAID_MEMORY)));
        sharedRaids.put(e.raidId(), e.occurredAt());
    }

    @EventSourcingHandler
    void on(EnforcementRecorded e) {
        outcomes.put(e.entryId() + ":" + e.guild(), e.outcome());
    }
}
