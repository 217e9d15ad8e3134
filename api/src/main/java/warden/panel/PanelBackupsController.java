package warden.panel;

import java.util.Locale;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import warden.api.ApiCaller;
import warden.api.ApiRole;
import warden.backup.BackupRequests;
import warden.backup.BackupSummary;
import warden.backup.FindRestore;
import warden.backup.ListBackups;
import warden.backup.RestoreStatus;
import warden.common.GuildId;
import warden.common.LocalizedException;
import warden.platform.QueryResults;

/**
 * A server's backups and its restore with the progress of each step. A backup is asked for here; a restore is started on
 * Discord, where the admin reads its plan against the server as it is, and followed here.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PanelBackupsController {

    private final QueryGateway queries;
    private final BackupRequests requests;
    private final MessageSource messages;

    PanelBackupsController(QueryGateway queries, BackupRequests requests, MessageSource messages) {
        this.queries = queries;
        this.requests = requests;
        this.messages = messages;
    }

    @GetMapping("/panel/guilds/{guild}/backups")
    String page(@PathVariable GuildId guild, @AuthenticationPrincipal ApiCaller caller, Model model) {
        PanelController.scope(caller, ApiRole.MODERATOR, guild);
        model.addAttribute("guild", guild.toString());
        model.addAttribute(
                "backups",
                QueryResults.join(
                        queries.query(new ListBackups(guild), ResponseTypes.multipleInstancesOf(BackupSummary.class))));
        RestoreStatus restore =
                QueryResults.join(queries.query(new FindRestore(guild), ResponseTypes.instanceOf(RestoreStatus.class)));
        model.addAttribute("restore", restore.restoreId() == null ? null : restore);
        model.addAttribute("following", restore.running());
        model.addAttribute("admin", caller.may(ApiRole.ADMIN, guild));
        return "panel/backups";
    }

    @PostMapping("/panel/guilds/{guild}/backups")
    String take(
            @PathVariable GuildId guild,
            @RequestParam(required = false) String label,
            @AuthenticationPrincipal ApiCaller caller,
            Locale locale,
            RedirectAttributes redirect) {
        PanelController.scope(caller, ApiRole.ADMIN, guild);
        try {
            String id =
                    requests.request(guild, label == null || label.isBlank() ? null : label.strip(), caller.actor());
            redirect.addFlashAttribute(
                    "notice", messages.getMessage("panel.backups.requested", new Object[] {id}, locale));
        } catch (LocalizedException | CommandExecutionException e) {
            redirect.addFlashAttribute("problem", PanelProblems.message(e, messages, locale));
        }
        return "redirect:/panel/guilds/" + guild + "/backups";
    }
}
