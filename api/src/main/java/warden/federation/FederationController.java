package warden.federation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import warden.api.ApiCaller;
import warden.common.CommandRefusedException;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.UserId;
import warden.platform.Commands;
import warden.platform.QueryResults;

/**
 * The server's federation over REST: read it (partners, the active list, this server's overrides and outcomes);
 * publish, revoke and unban everywhere as a publisher; choose the subscription mode and the never-ban set. Creating,
 * inviting and joining happen on Discord, where the invitation code is sent by DM.
 */
@RestController
@RequestMapping("/api/v1/guilds/{guild}/federation")
class FederationController {

    private final Commands commands;
    private final QueryGateway queries;

    FederationController(Commands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record BanRequest(String user, String reason, List<String> evidence) {}

    record Published(String entryId) {}

    record UnbanRequest(String user) {}

    record SubscriptionRequest(String mode, String alertChannel) {}

    record NeverBanRequest(Set<String> users, Set<String> roles) {}

    @GetMapping
    FederationView federation(@PathVariable GuildId guild) {
        return QueryResults.join(
                queries.query(new FindGuildFederation(guild), ResponseTypes.instanceOf(FederationView.class)));
    }

    private String federationId(GuildId guild) {
        String id = federation(guild).federationId();
        if (id == null) throw new CommandRefusedException("error.federation.notPartner");
        return id;
    }

    @PostMapping("/bans")
    @ResponseStatus(HttpStatus.CREATED)
    Published publish(
            @PathVariable GuildId guild, @RequestBody BanRequest body, @AuthenticationPrincipal ApiCaller caller) {
        if (body == null || body.user() == null)
            throw InvalidValueException.forField("user", "error.param.missing", "user");
        String entryId = commands.sendAndWait(new PublishBan(
                federationId(guild),
                UUID.randomUUID().toString().substring(0, 8),
                guild,
                UserId.of(body.user()),
                body.reason(),
                body.evidence() == null ? List.of() : body.evidence(),
                caller.actor(),
                Instant.now()));
        return new Published(entryId);
    }

    @DeleteMapping("/bans/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable GuildId guild, @PathVariable String entryId, @AuthenticationPrincipal ApiCaller caller) {
        commands.sendAndWait(new RevokeBan(federationId(guild), entryId, guild, caller.actor(), Instant.now()));
    }

    @PostMapping("/unban-everywhere")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unbanEverywhere(
            @PathVariable GuildId guild, @RequestBody UnbanRequest body, @AuthenticationPrincipal ApiCaller caller) {
        if (body == null || body.user() == null)
            throw InvalidValueException.forField("user", "error.param.missing", "user");
        commands.sendAndWait(
                new UnbanEverywhere(federationId(guild), guild, UserId.of(body.user()), caller.actor(), Instant.now()));
    }

    @PutMapping("/subscription")
    FederationView subscription(
            @PathVariable GuildId guild,
            @RequestBody SubscriptionRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        EnforcementMode mode;
        try {
            mode = EnforcementMode.valueOf(
                    String.valueOf(body == null ? null : body.mode()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidValueException.forField("mode", "error.federation.mode", body == null ? null : body.mode());
        }
        commands.sendAndWait(new ChangeSubscription(
                federationId(guild), guild, mode, body.alertChannel(), caller.actor(), Instant.now()));
        return federation(guild);
    }

    @PutMapping("/never-ban")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void neverBan(
            @PathVariable GuildId guild, @RequestBody NeverBanRequest body, @AuthenticationPrincipal ApiCaller caller) {
        Set<UserId> users = body == null || body.users() == null
                ? Set.of()
                : body.users().stream().map(UserId::of).collect(Collectors.toSet());
        Set<String> roles = body == null || body.roles() == null ? Set.of() : body.roles();
        roles.forEach(role -> warden.common.RoleId.of(role)); // a malformed id is refused here
        commands.sendAndWait(
                new ChangeNeverBan(federationId(guild), guild, users, roles, caller.actor(), Instant.now()));
    }
}
