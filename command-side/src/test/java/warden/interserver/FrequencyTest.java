package warden.interserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import warden.common.Actor;
import warden.common.ChannelId;
import warden.common.CommandRefusedException;
import warden.common.GuildId;
import warden.common.InvalidValueException;
import warden.common.UserId;

class FrequencyTest {

    static final String SECRET = FrequencySecret.generate();
    static final FrequencyKey KEY = FrequencyKey.ofSecret(SECRET);
    static final GuildId A = GuildId.of(1), B = GuildId.of(2), C = GuildId.of(3);
    static final ChannelId A1 = ChannelId.of(11), A2 = ChannelId.of(12), B1 = ChannelId.of(21), C1 = ChannelId.of(31);
    static final Actor MOD = Actor.moderator(UserId.of(9));
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    AggregateTestFixture<Frequency> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Frequency.class);
    }

    static FrequencyCreated created() {
        return new FrequencyCreated(KEY, A, A1, MOD, T0);
    }

    @Test
    void aFrequencyIsCreatedWithItsFirstChannel() {
        fixture.givenNoPriorActivity()
                .when(new CreateFrequency(KEY, A, A1, MOD, T0))
                .expectEvents(created());
    }

    @Test
    void anotherServersChannelLinks() {
        fixture.given(created())
                .when(new LinkChannel(KEY, B, B1, MOD, T0))
                .expectEvents(new ChannelLinked(KEY, B, B1, MOD, T0));
    }

    @Test
    void twoChannelsOfTheSameServerCannotBeLinked() {
        fixture.given(created())
                .when(new LinkChannel(KEY, A, A2, MOD, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(Matchers.containsString("error.frequency.sameServer"))
                .expectNoEvents();
    }

    @Test
    void aChannelCannotBeLinkedTwice() {
        fixture.given(created(), new ChannelLinked(KEY, B, B1, MOD, T0))
                .when(new LinkChannel(KEY, B, B1, MOD, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(Matchers.containsString("error.frequency.alreadyLinked"))
                .expectNoEvents();
    }

    @Test
    void aWrongSecretFindsNoFrequency() {
        fixture.givenNoPriorActivity()
                .when(new LinkChannel(FrequencyKey.ofSecret(FrequencySecret.generate()), B, B1, MOD, T0))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void theLastChannelLeavingClosesTheFrequency() {
        fixture.given(
                        created(),
                        new ChannelLinked(KEY, B, B1, MOD, T0),
                        new ChannelUnlinked(KEY, A, A1, UnlinkReason.COMMAND, MOD, T0))
                .when(new UnlinkChannel(KEY, B, B1, UnlinkReason.CHANNEL_DELETED, Actor.system("discord"), T0))
                .expectEvents(
                        new ChannelUnlinked(KEY, B, B1, UnlinkReason.CHANNEL_DELETED, Actor.system("discord"), T0),
                        new FrequencyClosed(KEY, B, T0));
    }

    @Test
    void aClosedFrequencyCannotBeJoined() {
        fixture.given(
                        created(),
                        new ChannelUnlinked(KEY, A, A1, UnlinkReason.COMMAND, MOD, T0),
                        new FrequencyClosed(KEY, A, T0))
                .when(new LinkChannel(KEY, C, C1, MOD, T0))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(Matchers.containsString("error.frequency.closed"));
    }

    @Test
    void unlinkingAChannelThatIsNotLinkedIsRefused() {
        fixture.given(created())
                .when(new UnlinkChannel(KEY, C, C1, UnlinkReason.TRASH_REACTION, MOD, T0))
                .expectException(CommandRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void secretsAreLongAndTheirHashIsTheOnlyIdentity() {
        assertThat(SECRET.replace("-", "")).hasSize(26);
        assertThat(FrequencyKey.ofSecret(SECRET.toLowerCase().replace("-", " ")))
                .isEqualTo(KEY);
        assertThat(KEY.toString()).doesNotContain(SECRET.replace("-", ""));
        assertThatThrownBy(() -> FrequencyKey.ofSecret("hello"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("error.frequency.malformed");
    }
}
