package warden.panel;

import java.util.List;
import java.util.Locale;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
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
import warden.common.GuildId;
import warden.common.LocalizedException;
import warden.deadletters.DeadLetterStore;
import warden.interserver.FindGuildInterserver;
import warden.interserver.LinkHistory;
import warden.platform.QueryResults;
import warden.replay.ReplayService;
import warden.replay.ReplayStatus;

/**
 * A guild's interserver links with their history, and, for operators (an admin token over every guild), the replay of
 * every read model with its progress and the side effects parked as dead letters.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PanelOperationsController {

    private final QueryGateway queries;
    private final ReplayService replay;
    private final DeadLetterStore deadLetters;
    private final MessageSource messages;

    PanelOperationsController(
            QueryGateway queries, ReplayService replay, DeadLetterStore deadLetters, MessageSource messages) {
        this.queries = queries;
        this.replay = replay;
        this.deadLetters = deadLetters;
        this.messages = messages;
    }

    /** Side effects parked as dead letters, each sequence retried at once or dropped (operators). */
    @GetMapping("/panel/dead-letters")
    String deadLetters(@AuthenticationPrincipal ApiCaller caller, Model model) {
        operator(caller);
        List<DeadLetterRow> rows = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (DeadLetterStore.Letter letter : deadLetters.list()) {
            rows.add(new DeadLetterRow(letter, seen.add(letter.processor() + "\n" + letter.sequence())));
        }
        model.addAttribute("letters", rows);
        return "panel/dead-letters";
    }

    /** A parked letter; the first of its sequence carries the sequence's buttons. */
    record DeadLetterRow(DeadLetterStore.Letter letter, boolean head) {}

    @PostMapping("/panel/dead-letters/retry")
    String retryDeadLetter(
            @RequestParam String processor,
            @RequestParam String sequence,
            @AuthenticationPrincipal ApiCaller caller,
            Locale locale,
            RedirectAttributes redirect) {
        operator(caller);
        try {
            deadLetters.retry(processor, sequence);
            redirect.addFlashAttribute(
                    "notice", messages.getMessage("panel.deadLetters.retried", new Object[] {sequence}, locale));
        } catch (LocalizedException e) {
            redirect.addFlashAttribute("problem", PanelProblems.message(e, messages, locale));
        }
        return "redirect:/panel/dead-letters";
    }

    @PostMapping("/panel/dead-letters/drop")
    String dropDeadLetter(
            @RequestParam String processor,
            @RequestParam String sequence,
            @AuthenticationPrincipal ApiCaller caller,
            Locale locale,
            RedirectAttributes redirect) {
        operator(caller);
        try {
            deadLetters.drop(processor, sequence);
            redirect.addFlashAttribute(
                    "notice", messages.getMessage("panel.deadLetters.dropped", new Object[] {sequence}, locale));
        } catch (LocalizedException e) {
            redirect.addFlashAttribute("problem", PanelProblems.message(e, messages, locale));
        }
        return "redirect:/panel/dead-letters";
    }

    @GetMapping("/panel/guilds/{guild}/interserver")
    String interserver(@PathVariable GuildId guild, @AuthenticationPrincipal ApiCaller caller, Model model) {
        PanelController.scope(caller, ApiRole.MODERATOR, guild);
        List<LinkHistory> links = QueryResults.join(
                queries.query(new FindGuildInterserver(guild), ResponseTypes.multipleInstancesOf(LinkHistory.class)));
        model.addAttribute("guild", guild.toString());
        model.addAttribute("links", links);
        return "panel/interserver";
    }

    @GetMapping("/panel/replay")
    String replay(@AuthenticationPrincipal ApiCaller caller, Model model) {
        operator(caller);
        ReplayStatus status = replay.status();
        model.addAttribute("status", status);
        model.addAttribute("following", status.state() == ReplayStatus.State.RUNNING);
        model.addAttribute(
                "percent",
                status.eventsTotal() == 0
                        ? (status.state() == ReplayStatus.State.DONE ? 100 : 0)
                        : Math.min(100, 100 * status.eventsDone() / status.eventsTotal()));
        return "panel/replay";
    }

    @PostMapping("/panel/replay")
    String startReplay(@AuthenticationPrincipal ApiCaller caller) {
        operator(caller);
        replay.start();
        return "redirect:/panel/replay";
    }

    /** The replay rebuilds every guild's read models: only an admin token over every guild may see or start it. */
    private static void operator(ApiCaller caller) {
        if (!caller.mayEveryGuild(ApiRole.ADMIN)) throw new AccessDeniedException("operators only");
    }
}
