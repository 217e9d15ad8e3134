package warden.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import warden.common.Actor;
import warden.common.EventJson;
import warden.common.MemberKey;
import warden.common.Upcasters;
import warden.common.UserId;

/** Revision 1 of {@code InfractionRecorded}, as it lies in the store, reads as revision 2. */
class InfractionRecordedUpcasterTest {

    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();

    private static final String REVISION_1 = """
            {"member":{"guild":"1001","user":"222"},"infractionId":"msg:42:spam","type":"SPAM",
             "source":{"kind":"AUTOMOD","id":"spam"},"reason":"Too many messages",
             "evidence":{"channelId":"7","messageId":"42","content":"hi","spans":[],"revealedBy":[],"policyVersion":3},
             "occurredAt":"2026-03-01T12:00:00Z"}""";

    @Test
    void theActorOfARevisionOneEventBecomesBy() {
        InfractionRecorded event = read(REVISION_1, null);
        assertThat(event.by()).isEqualTo(Actor.automod("spam"));
        assertThat(event.member()).isEqualTo(MemberKey.of(1001, 222));
        assertThat(event.infractionId()).isEqualTo(InfractionId.of("msg:42:spam"));
        assertThat(event.evidence().policyVersion()).isEqualTo(3L);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    }

    @Test
    void aRevisionTwoEventIsLeftAlone() {
        InfractionRecorded written = new InfractionRecorded(
                MemberKey.of(1001, 222),
                InfractionId.of("m1"),
                InfractionType.MANUAL,
                Actor.moderator(UserId.of(5)),
                "r",
                Evidence.none(),
                Instant.parse("2026-03-01T12:00:00Z"));
        SerializedObject<byte[]> bytes = serializer.serialize(written, byte[].class);
        assertThat(bytes.getType().getRevision()).isEqualTo("2");
        assertThat(read(new String(bytes.getData(), StandardCharsets.UTF_8), "2"))
                .isEqualTo(written);
    }

    private InfractionRecorded read(String json, String revision) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                "MemberRecord",
                "1001:222",
                0,
                "e1",
                Instant.parse("2026-03-01T12:00:00Z"),
                InfractionRecorded.class.getName(),
                revision,
                json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        Stream<IntermediateEventRepresentation> upcast =
                Upcasters.all().get(0).upcast(Stream.of(new InitialEventRepresentation(entry, serializer)));
        List<IntermediateEventRepresentation> events = upcast.toList();
        assertThat(events).hasSize(1);
        return serializer.deserialize(events.get(0).getData());
    }
}
