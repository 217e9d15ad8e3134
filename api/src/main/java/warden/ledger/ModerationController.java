package warden.ledger;

import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import warden.api.ApiCaller;
import warden.api.IdempotentWrites;
import warden.common.Durations;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.MemberKey;
import warden.common.UserId;
import warden.evidence.EvidenceImages;
import warden.platform.Commands;
import warden.sanctions.AddNote;
import warden.sanctions.AttachEvidenceImage;
import warden.sanctions.DetachEvidenceImage;
import warden.sanctions.EditSanctionText;
import warden.sanctions.Evidence;
import warden.sanctions.EvidenceImage;
import warden.sanctions.EvidenceTarget;
import warden.sanctions.ImposeSanction;
import warden.sanctions.InfractionId;
import warden.sanctions.InfractionType;
import warden.sanctions.LiftSanction;
import warden.sanctions.NoteId;
import warden.sanctions.PardonInfraction;
import warden.sanctions.RecordInfraction;
import warden.sanctions.RemoveSanction;
import warden.sanctions.ResetMemberSanctions;
import warden.sanctions.RetimeSanction;
import warden.sanctions.SanctionId;
import warden.sanctions.SanctionKind;
import warden.sanctions.SanctionSpec;
import warden.sanctions.SanctionText;

/**
 * Moderators act through the API as they would through the bot: infractions, pardons, notes, sanctions. The actor
 * recorded is the API token. A client may pass its own {@code id} to make a retry harmless.
 */
@RestController
@RequestMapping("/api/v1/guilds/{guild}/members/{user}")
class ModerationController {

    private final Commands commands;
    private final EvidenceImages images;

    ModerationController(Commands commands, EvidenceImages images) {
        this.commands = commands;
        this.images = images;
    }

    record InfractionRequest(String id, InfractionType type, String reason, String channelId, String messageId) {}

    record SanctionRequest(String id, SanctionKind kind, String duration, String reason, Integer deleteMessageDays) {}

    record NoteRequest(String id, String text) {}

    record ReasonRequest(String reason) {}

    record Accepted(String id) {}

    @PostMapping("/infractions")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted recordInfraction(
            @PathVariable GuildId guild,
            @PathVariable UserId user,
            @RequestBody InfractionRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        InfractionId id = InfractionId.of(
                body.id() == null
                        ? IdempotentWrites.newId(() -> InfractionId.random().value())
                        : body.id());
        InfractionType type = body.type() == null ? InfractionType.MANUAL : body.type();
        Evidence evidence = new Evidence(body.channelId(), body.messageId(), null, List.of(), List.of(), null);
        send(new RecordInfraction(
                new MemberKey(guild, user), id, type, caller.actor(), body.reason(), evidence, Instant.now(), null));
        return new Accepted(id.value());
    }

    @PostMapping("/infractions/{infraction}/pardon")
    Accepted pardon(
            @PathVariable GuildId guild,
            @PathVariable UserId user,
            @PathVariable InfractionId infraction,
            @RequestBody(required = false) ReasonRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        send(new PardonInfraction(new MemberKey(guild, user), infraction, caller.actor(), reason(body), Instant.now()));
        return new Accepted(infraction.value());
    }

    @PostMapping("/notes")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted note(
            @PathVariable GuildId guild,
            @PathVariable UserId user,
            @RequestBody NoteRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        NoteId id = NoteId.of(
                body.id() == null ? IdempotentWrites.newId(() -> NoteId.random().value()) : body.id());
        send(new AddNote(new MemberKey(guild, user), id, caller.actor(), body.text(), Instant.now()));
        return new Accepted(id.value());
    }

    @PostMapping("/sanctions")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted sanction(
            @PathVariable GuildId guild,
            @PathVariable UserId user,
            @RequestBody SanctionRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        if (body.kind() == null) throw new InvalidValueException("error.sanction.kind.missing");
        SanctionSpec spec = new SanctionSpec(
                        body.kind(),
                        body.duration() == null ? null : Durations.parse(body.duration()),
                        body.deleteMessageDays() == null || body.deleteMessageDays() == 0
                                ? null
                                : body.deleteMessageDays())
                .validate();
        SanctionId id = SanctionId.of(
                body.id() == null
                        ? IdempotentWrites.newId(() -> SanctionId.random().value())
                        : body.id());
        SanctionId decided = commands.sendAndWait(new ImposeSanction(
                new MemberKey(guild, user), id, spec, caller.actor(), body.reason(), Instant.now(), null));
        return new Accepted(decided == null ? id.value() : decided.value());
    }

    @PostMapping("/sanctions/{sanction}/lift")
    Accepted lift(
            @PathVariable GuildId guild,
            @PathVariable UserId user,
            @PathVariable SanctionId sanction,
            @RequestBody(required = false) ReasonRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        send(new LiftSanction(new MemberKey(guild, user), sanction, caller.actor(), reason(body), Instant.now()));
        return new Accepted(sanction.value());
    }

    record EditRequest(String reason, String context) {}

    record RetimeRequest(String duration, Instant until, String reason) {}

    record ResetRequest(String confirm, String reason) {}

    record Reset(String resetId) {}

    /** A new reason and/or context; each change is its own event, with the text it replaces. */
    @PatchMapping("/sanctions/{sanction}")
    Accepted edit(
            @PathVariable GuildId guild,
            @PathVariable UserId user,
            @PathVariable SanctionId sanction,
            @RequestBody EditRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        if (body == null || (body.reason() == null && body.context() == null))
            throw new InvalidValueException("error.field.missing");
        MemberKey member = new MemberKey(guild, user);
        Instant now = Instant.now();
        if (body.reason() != null)
            send(new EditSanctionText(member, sanction, SanctionText.REASON, body.reason(), caller.actor(), now));
        if (body.context() != null)
            send(new EditSanctionText(member, sanction, SanctionText.CONTEXT, body.context(), caller.actor(), now));
        return new Accepted(sanction.value());
    }

    /** A new end for an active timeout or ban: a duration from now ({@code 2h}, {@code PT2H}) or an instant. */
    @PostMapping("/sanctions/{sanction}/retime")
    Accepted retime(
            @PathVariable GuildId guild,
            @PathVariable UserId user,
            @PathVariable SanctionId sanction,
            @RequestBody RetimeRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        if (body == null) throw new InvalidValueException("error.field.missing");
        send(new RetimeSanction(
                new MemberKey(guild, user),
                sanction,
                body.duration() == null ? null : Durations.parse(body.duration()),
                body.until(),
                caller.actor(),
                body.reason(),
                Instant.now()));
        return new Accepted(sanction.value());
    }

    /** A sanction given by mistake: lifted on Discord if still in force, hidden from standings, kept in the trail. */
    @PostMapping("/sanctions/{sanction}/remove")
    Accepted remove(
            @PathVariable GuildId guild,
            @PathVariable UserId user,
            @PathVariable SanctionId sanction,
            @RequestBody(required = false) ReasonRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        send(new RemoveSanction(new MemberKey(guild, user), sanction, caller.actor(), reason(body), Instant.now()));
        return new Accepted(sanction.value());
    }

    /** Every sanction of the member removed as one action; admins only, confirmed by repeating the member's id. */
    @PostMapping("/sanctions/reset")
    Reset reset(
            @PathVariable GuildId guild,
            @PathVariable UserId user,
            @RequestBody ResetRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        if (body == null || !user.toString().equals(body.confirm())) {
            throw InvalidValueException.forField("confirm", "error.sanction.resetConfirm");
        }
        String resetId = "reset:"
                + IdempotentWrites.newId(() -> java.util.UUID.randomUUID().toString());
        send(new ResetMemberSanctions(
                new MemberKey(guild, user), resetId, caller.actor(), body.reason(), Instant.now()));
        return new Reset(resetId);
    }

    record EvidenceRequest(String url) {}

    record EvidenceAdded(String sha256, String contentType, long size) {}

    /** An image (a Discord attachment's URL) fetched, checked and hashed, then kept as a reference in the sanction's evidence. */
    @PostMapping("/sanctions/{sanction}/evidence")
    @ResponseStatus(HttpStatus.CREATED)
    EvidenceAdded sanctionEvidence(
            @PathVariable GuildId guild,
            @PathVariable UserId user,
            @PathVariable SanctionId sanction,
            @RequestBody EvidenceRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        return attach(guild, user, EvidenceTarget.SANCTION, sanction.value(), body, caller);
    }

    @PostMapping("/infractions/{infraction}/evidence")
    @ResponseStatus(HttpStatus.CREATED)
    EvidenceAdded infractionEvidence(
            @PathVariable GuildId guild,
            @PathVariable UserId user,
            @PathVariable InfractionId infraction,
            @RequestBody EvidenceRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        return attach(guild, user, EvidenceTarget.INFRACTION, infraction.value(), body, caller);
    }

    @DeleteMapping("/sanctions/{sanction}/evidence/{sha256}")
    Accepted removeSanctionEvidence(
            @PathVariable GuildId guild,
            @PathVariable UserId user,
            @PathVariable SanctionId sanction,
            @PathVariable String sha256,
            @AuthenticationPrincipal ApiCaller caller) {
        send(new DetachEvidenceImage(
                new MemberKey(guild, user),
                EvidenceTarget.SANCTION,
                sanction.value(),
                sha256,
                caller.actor(),
                Instant.now()));
        return new Accepted(sha256);
    }

    @DeleteMapping("/infractions/{infraction}/evidence/{sha256}")
    Accepted removeInfractionEvidence(
            @PathVariable GuildId guild,
            @PathVariable UserId user,
            @PathVariable InfractionId infraction,
            @PathVariable String sha256,
            @AuthenticationPrincipal ApiCaller caller) {
        send(new DetachEvidenceImage(
                new MemberKey(guild, user),
                EvidenceTarget.INFRACTION,
                infraction.value(),
                sha256,
                caller.actor(),
                Instant.now()));
        return new Accepted(sha256);
    }

    private EvidenceAdded attach(
            GuildId guild, UserId user, EvidenceTarget target, String id, EvidenceRequest body, ApiCaller caller) {
        if (body == null || body.url() == null) throw InvalidValueException.forField("url", "error.field.missing");
        EvidenceImage image = images.fetch(body.url());
        send(new AttachEvidenceImage(new MemberKey(guild, user), target, id, image, caller.actor(), Instant.now()));
        return new EvidenceAdded(image.sha256(), image.contentType(), image.size());
    }

    private static String reason(ReasonRequest body) {
        return body == null ? null : body.reason();
    }

    /** A member's command, written with those of other callers waiting at the same time (one commit for all). */
    private void send(Object command) {
        commands.sendAndWait(command);
    }
}
