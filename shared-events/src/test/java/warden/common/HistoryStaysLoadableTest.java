package warden.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import warden.automod.AutomodSettings;
import warden.config.AddSanctionRule;
import warden.config.AutomodConfigured;
import warden.config.ConfigureAutomod;
import warden.config.SanctionRuleAdded;
import warden.sanctions.ImposeSanction;
import warden.sanctions.SanctionDecided;
import warden.sanctions.SanctionId;

/**
 * Events written under today's limits must load after a limit is lowered. Here the stored values already exceed
 * today's limits (as they would after a lower limit ships): reading them back never throws, while a command
 * carrying the same values is refused where it is made.
 */
class HistoryStaysLoadableTest {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void evidenceSpansRecordedBeforeTheyCarriedWhatRevealedThemLoadWithNone() throws Exception {
        String stored = """
                {"channelId":"7","messageId":"42","content":"c h a t","spans":[{"start":0,"end":7,"text":"c h a t","rule":"chat"}],
                 "revealedBy":["separators"],"policyVersion":3}""";
        warden.sanctions.Evidence evidence = JSON.readValue(stored, warden.sanctions.Evidence.class);
        assertThat(evidence.spans().get(0).revealedBy()).isEmpty();
        assertThat(evidence.spans().get(0).rule()).isEqualTo("chat");

        var span = new warden.sanctions.Evidence.Span(0, 7, "c h a t", "chat", List.of("separators"));
        String written = JSON.writeValueAsString(span);
        assertThat(JSON.readValue(written, warden.sanctions.Evidence.Span.class))
                .isEqualTo(span);
    }

    @Test
    void aRuleBeyondTodaysLimitsLoadsButCannotBeAddedAgain() throws Exception {
        String stored = """
                {"guild":"1001","version":4,"by":{"kind":"API","id":"panel"},"occurredAt":"2026-03-01T12:00:00Z",
                 "rule":{"id":"r1","countedType":"SPAM","threshold":1000,"window":"PT9600H",
                         "sanction":{"kind":"TIMEOUT","duration":"PT1440H"},"enabled":true}}""";
        SanctionRuleAdded event = JSON.readValue(stored, SanctionRuleAdded.class);
        assertThat(event.rule().threshold()).isEqualTo(1000);
        assertThat(event.rule().window()).isEqualTo(Duration.ofDays(400));
        assertThatThrownBy(() -> new AddSanctionRule(event.guild(), event.rule(), event.by(), AT))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("error.rule.threshold");
    }

    @Test
    void aSanctionBeyondTodaysLimitsLoadsButCannotBeImposedAgain() throws Exception {
        String stored = """
                {"member":{"guild":"1001","user":"222"},"sanctionId":"s1","sanction":{"kind":"TIMEOUT","duration":"PT1440H"},
                 "decidedBy":{"kind":"MODERATOR","id":"5"},"occurredAt":"2026-03-01T12:00:00Z","expiresAt":"2026-04-30T12:00:00Z"}""";
        SanctionDecided event = JSON.readValue(stored, SanctionDecided.class);
        assertThat(event.sanction().duration()).isEqualTo(Duration.ofDays(60));
        assertThatThrownBy(() -> new ImposeSanction(
                        event.member(), SanctionId.of("s2"), event.sanction(), event.decidedBy(), null, AT, null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("error.sanction.duration.range");
    }

    @Test
    void settingsBeyondTodaysLimitsLoadButCannotBeSavedAgain() throws Exception {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 6000; i++) words.add("\"w" + i + "\"");
        String stored = """
                {"guild":"1001","version":2,"changed":["caps","vocabulary"],"by":{"kind":"MODERATOR","id":"5"},
                 "occurredAt":"2026-03-01T12:00:00Z",
                 "settings":{"caps":{"enabled":true,"maxPercent":150,"minLength":10},
                             "vocabulary":{"enabled":true,"words":[%s]},
                             "links":{"enabled":true,"domains":["not a domain"]}}}""".formatted(String.join(",", words));
        AutomodConfigured event = JSON.readValue(stored, AutomodConfigured.class);
        AutomodSettings settings = event.settings();
        assertThat(settings.caps().maxPercent()).isEqualTo(150);
        assertThat(settings.vocabulary().words()).hasSize(6000);
        assertThatThrownBy(() -> new ConfigureAutomod(event.guild(), settings, null, event.by(), AT))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo("vocabulary.words");
    }

    @Test
    void anActorBeyondTodaysLimitLoads() throws Exception {
        String id = "x".repeat(Actor.MAX_ID + 50);
        Actor actor = JSON.readValue("{\"kind\":\"API\",\"id\":\"" + id + "\"}", Actor.class);
        assertThat(actor.id()).isEqualTo(id);
        assertThatThrownBy(() -> Actor.api(id)).isInstanceOf(InvalidValueException.class);
    }
}
