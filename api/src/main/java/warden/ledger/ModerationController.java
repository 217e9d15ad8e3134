package warden.ledger;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import warden.api.ApiCaller;
import warden.common.Durations;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.sanctions.AddNote;
import warden.sanctions.Evidence;
import warden.sanctions.ImposeSanction;
import warden.sanctions.InfractionId;
import warden.sanctions.InfractionType;
import warden.sanctions.LiftSanction;
import warden.sanctions.NoteId;
import warden.sanctions.PardonInfraction;
import warden.sanctions.RecordInfraction;
import warden.sanctions.SanctionId;
import warden.sanctions.SanctionKind;
import warden.sanctions.SanctionSpec;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Moderators act through the API as they would through the bot: infractions, pardons, notes, sanctions. The actor
 * recorded is the API token. A client may pass its own {@code id} to make a retry harmless.
 */
@RestController
@RequestMapping("/api/v1/guilds/{guild}/members/{user}")
class ModerationController {

    private static final long TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;

    ModerationController(CommandGateway commands) {
        this.commands = commands;
    }

    record InfractionRequest(String id, InfractionType type, String reason, String channelId, String messageId) {
    }

    record SanctionRequest(String id, SanctionKind kind, String duration, String reason) {
    }

    record NoteRequest(String id, String text) {
    }

    record ReasonRequest(String reason) {
    }

    record Accepted(String id) {
    }

    @PostMapping("/infractions")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted recordInfraction(@PathVariable GuildId guild, @PathVariable UserId user,
                              @RequestBody InfractionRequest body, @AuthenticationPrincipal ApiCaller caller) {
        InfractionId id = body.id() == null ? InfractionId.random() : InfractionId.of(body.id());
        InfractionType type = body.type() == null ? InfractionType.MANUAL : body.type();
        Evidence evidence = new Evidence(body.channelId(), body.messageId(), null, List.of(), List.of(), null);
        send(new RecordInfraction(new MemberKey(guild, user), id, type, caller.actor(), body.reason(), evidence,
                Instant.now(), null));
        return new Accepted(id.value());
    }

    @PostMapping("/infractions/{infraction}/pardon")
    Accepted pardon(@PathVariable GuildId guild, @PathVariable UserId user, @PathVariable InfractionId infraction,
                    @RequestBody(required = false) ReasonRequest body, @AuthenticationPrincipal ApiCaller caller) {
        send(new PardonInfraction(new MemberKey(guild, user), infraction, caller.actor(), reason(body), Instant.now()));
        return new Accepted(infraction.value());
    }

    @PostMapping("/notes")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted note(@PathVariable GuildId guild, @PathVariable UserId user, @RequestBody NoteRequest body,
                  @AuthenticationPrincipal ApiCaller caller) {
        NoteId id = body.id() == null ? NoteId.random() : NoteId.of(body.id());
        send(new AddNote(new MemberKey(guild, user), id, caller.actor(), body.text(), Instant.now()));
        return new Accepted(id.value());
    }

    @PostMapping("/sanctions")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted sanction(@PathVariable GuildId guild, @PathVariable UserId user, @RequestBody SanctionRequest body,
                      @AuthenticationPrincipal ApiCaller caller) {
        if (body.kind() == null) throw new InvalidValueException("error.sanction.kind.missing");
        SanctionSpec spec = new SanctionSpec(body.kind(), body.duration() == null ? null : Durations.parse(body.duration()));
        SanctionId id = body.id() == null ? SanctionId.random() : SanctionId.of(body.id());
        SanctionId decided = commands.sendAndWait(new ImposeSanction(new MemberKey(guild, user), id, spec, caller.actor(), body.reason(),
                Instant.now(), null), TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return new Accepted(decided == null ? id.value() : decided.value());
    }

    @PostMapping("/sanctions/{sanction}/lift")
    Accepted lift(@PathVariable GuildId guild, @PathVariable UserId user, @PathVariable SanctionId sanction,
                  @RequestBody(required = false) ReasonRequest body, @AuthenticationPrincipal ApiCaller caller) {
        send(new LiftSanction(new MemberKey(guild, user), sanction, caller.actor(), reason(body), Instant.now()));
        return new Accepted(sanction.value());
    }

    private static String reason(ReasonRequest body) {
        return body == null ? null : body.reason();
    }

    private void send(Object command) {
        commands.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
