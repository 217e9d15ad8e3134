package warden.config;

import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import warden.api.ApiCaller;
import warden.common.GuildId;
import warden.common.InvalidValueException;

/** Only the operator (an admin token of every guild) grants or removes premium. */
@RestController
class PremiumController {

    private final PolicyEditor editor;

    PremiumController(PolicyEditor editor) {
        this.editor = editor;
    }

    record PremiumRequest(Boolean premium) {}

    @PutMapping("/api/v1/admin/guilds/{guild}/premium")
    PolicyController.Changed premium(
            @PathVariable GuildId guild, @RequestBody PremiumRequest body, @AuthenticationPrincipal ApiCaller caller) {
        if (body.premium() == null) throw InvalidValueException.forField("premium", "error.param.missing", "premium");
        return new PolicyController.Changed(
                editor.change(new SetPremium(guild, body.premium(), caller.actor(), Instant.now())), null);
    }
}
