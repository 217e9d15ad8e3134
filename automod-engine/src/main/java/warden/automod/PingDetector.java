package warden.automod;

import java.util.ArrayList;
import java.util.List;
import warden.common.RoleId;
import warden.common.UserId;
import warden.sanctions.Evidence;

/** Pings of forbidden members or roles. */
final class PingDetector implements Detector {
    private final PingSettings settings;

    PingDetector(PingSettings settings) {
        this.settings = settings;
    }

    @Override
    public AutomodModule module() {
        return AutomodModule.PINGS;
    }

    @Override
    public ModuleSettings settings() {
        return settings;
    }

    @Override
    public void detect(MessageScan scan, long policyVersion, List<Violation> out) {
        ChatMessage message = scan.message();
        List<Evidence.Span> spans = new ArrayList<>();
        for (UserId user : message.mentionedUsers()) {
            if (settings.forbiddenMembers().contains(user))
                addMention(message.content(), spans, "<@" + user + ">", "<@!" + user + ">", "member:" + user);
        }
        for (RoleId role : message.mentionedRoles()) {
            if (settings.forbiddenRoles().contains(role))
                addMention(message.content(), spans, "<@&" + role + ">", null, "role:" + role);
        }
        if (spans.isEmpty()) return;
        out.add(new Violation(
                module(),
                spans,
                List.of(),
                policyVersion,
                Violation.Action.DELETE,
                settings.silent(),
                "automod.reason.ping",
                List.of()));
    }

    private static void addMention(
            String content, List<Evidence.Span> spans, String form, String altForm, String rule) {
        int at = content.indexOf(form);
        String used = form;
        if (at < 0 && altForm != null) {
            at = content.indexOf(altForm);
            used = altForm;
        }
        spans.add(at >= 0 ? Spans.of(content, at, at + used.length(), rule) : new Evidence.Span(0, 0, "", rule));
    }
}
