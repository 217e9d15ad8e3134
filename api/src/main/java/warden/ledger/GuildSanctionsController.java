package warden.ledger;

import java.time.Instant;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import warden.api.ApiCaller;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.platform.Commands;
import warden.sanctions.ResetGuildSanctions;

/** A whole server's sanctions reset: admins only, confirmed by repeating the server's id, recorded as one action. */
@RestController
@RequestMapping("/api/v1/guilds/{guild}/sanctions/reset")
class GuildSanctionsController {

    private final Commands commands;

    GuildSanctionsController(Commands commands) {
        this.commands = commands;
    }

    record ResetRequest(String confirm, String reason) {}

    record Reset(String resetId) {}

    @PostMapping
    Reset reset(
            @PathVariable GuildId guild, @RequestBody ResetRequest body, @AuthenticationPrincipal ApiCaller caller) {
        if (body == null || !guild.toString().equals(body.confirm())) {
            throw InvalidValueException.forField("confirm", "error.sanction.serverResetConfirm");
        }
        String resetId = "server-reset:"
                + warden.api.IdempotentWrites.newId(() -> UUID.randomUUID().toString());
        commands.sendAndWait(new ResetGuildSanctions(guild, resetId, caller.actor(), body.reason(), Instant.now()));
        return new Reset(resetId);
    }
}
