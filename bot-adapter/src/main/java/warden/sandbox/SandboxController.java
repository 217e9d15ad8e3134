package warden.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.RedirectView;
import warden.common.InvalidValueException;
import warden.fakediscord.FakeDiscord;
import warden.fakediscord.World;

/**
 * The sandbox page's API: the demo servers, a channel's messages as Warden left them, and posting as any member. Only
 * in sandbox mode, which binds to loopback; the page needs no token there, and nothing of it reaches the real Discord.
 */
@RestController
@ConditionalOnProperty("warden.sandbox.enabled")
class SandboxController {

    private final SandboxDiscord sandbox;

    SandboxController(SandboxDiscord sandbox) {
        this.sandbox = sandbox;
    }

    @Configuration
    @ConditionalOnProperty("warden.sandbox.enabled")
    static class SandboxSecurity {
        @Bean
        @Order(1)
        SecurityFilterChain sandboxPage(HttpSecurity http) throws Exception {
            return http.securityMatcher("/sandbox", "/sandbox/**", "/sandbox.html", "/sandbox.js", "/sandbox.css")
                    .authorizeHttpRequests(r -> r.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable())
                    .build();
        }
    }

    record Post(String member, String content) {}

    @GetMapping("/sandbox")
    RedirectView page() {
        return new RedirectView("/sandbox.html");
    }

    @GetMapping("/sandbox/world")
    List<Map<String, Object>> world() {
        World world = sandbox.discord().world();
        List<Map<String, Object>> guilds = new ArrayList<>();
        for (long id : List.of(sandbox.demo().cafe(), sandbox.demo().arcade())) {
            World.GuildSpec guild = world.guild(id);
            List<Map<String, Object>> channels = guild.channels().stream()
                    .map(c -> Map.<String, Object>of("id", Long.toString(c.id()), "name", c.name()))
                    .toList();
            List<Map<String, Object>> members = guild.members().stream()
                    .filter(m -> world.user(memberId(m)) != null
                            && !world.user(memberId(m)).bot())
                    .map(m -> Map.<String, Object>of(
                            "id",
                            Long.toString(memberId(m)),
                            "name",
                            world.user(memberId(m)).name()))
                    .toList();
            guilds.add(Map.of("id", Long.toString(id), "name", guild.name(), "channels", channels, "members", members));
        }
        return guilds;
    }

    private static long memberId(World.MemberSpec member) {
        return member.userId();
    }

    @GetMapping("/sandbox/channels/{channel}/messages")
    List<Map<String, Object>> messages(@PathVariable long channel) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> m : sandbox.discord().channelHistory(channel)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", m.get("id"));
            Object author = m.get("author") instanceof Map<?, ?> a ? a.get("username") : null;
            view.put("author", author);
            view.put(
                    "bot",
                    m.get("author") instanceof Map<?, ?> a
                            && Boolean.TRUE.equals(a.get("bot"))
                            && m.get("webhook_id") == null);
            view.put("webhook", m.get("webhook_id") != null);
            view.put("content", readable(String.valueOf(m.get("content"))));
            view.put("deleted", m.get("deleted"));
            out.add(view);
        }
        return out;
    }

    private static final java.util.regex.Pattern MENTION = java.util.regex.Pattern.compile("<@!?(\\d+)>");

    /** Mentions as the Discord client shows them: @name. */
    private String readable(String content) {
        return MENTION.matcher(content).replaceAll(m -> {
            World.UserSpec user = sandbox.discord().world().user(Long.parseLong(m.group(1)));
            return java.util.regex.Matcher.quoteReplacement("@" + (user == null ? m.group(1) : user.name()));
        });
    }

    @PostMapping("/sandbox/channels/{channel}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> post(@PathVariable long channel, @RequestBody Post body) {
        if (body == null
                || body.member() == null
                || body.content() == null
                || body.content().isBlank()
                || body.content().length() > 2000) {
            throw InvalidValueException.forField("content", "error.sandbox.message");
        }
        FakeDiscord discord = sandbox.discord();
        long guild = List.of(sandbox.demo().cafe(), sandbox.demo().arcade()).stream()
                .filter(g -> discord.world().guild(g).channels().stream().anyMatch(c -> c.id() == channel))
                .findFirst()
                .orElseThrow(() -> InvalidValueException.forField("channel", "error.sandbox.message"));
        long member = Long.parseLong(body.member());
        if (discord.world().guild(guild).memberOf(member) == null)
            throw InvalidValueException.forField("member", "error.sandbox.message");
        return Map.of("id", Long.toString(discord.postMessage(guild, channel, member, body.content())));
    }
}
