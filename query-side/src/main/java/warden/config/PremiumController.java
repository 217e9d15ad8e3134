package warden.config;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import warden.api.ApiCaller;
import warden.common.GuildId;
import warden.common.InvalidValueException;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Only the operator (an admin token of every guild) grants or removes premium. */
@RestController
class PremiumController {

    private final CommandGateway commands;

    PremiumController(CommandGateway commands) {
        this.commands = commands;
    }

    record PremiumRequest(Boolean premium) {
    }

    @PutMapping("/api/v1/admin/guilds/{guild}/premium")
    PolicyController.Changed premium(@PathVariable GuildId guild, @RequestBody PremiumRequest body,
                                     @AuthenticationPrincipal ApiCaller caller) {
        if (body.premium() == null) throw InvalidValueException.forField("premium", "error.param.missing", "premium");
        Long version = commands.sendAndWait(new SetPremium(guild, body.premium(), caller.actor(), Instant.now()), 10, TimeUnit.SECONDS);
        return new PolicyController.Changed(version, null);
    }
}
