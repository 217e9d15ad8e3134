package warden.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import warden.sanctions.Evidence;
import warden.sanctions.InfractionId;
import warden.sanctions.InfractionRecorded;
import warden.sanctions.InfractionType;
import warden.sanctions.SanctionApplied;
import warden.sanctions.SanctionId;
import warden.sanctions.SanctionKind;

/**
 * The audit trail files each event under the columns the event itself gives. An event that names who acted must say
 * so, or the guild timeline would show an act without its author: every such event of every feature is checked here.
 */
class AuditFactsTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
    private static final MemberKey MEMBER = MemberKey.of(1001, 2002);

    @Test
    void anInfractionAndASanctionAreFiledUnderTheirIdsTypeKindActorAndReason() {
        Actor moderator = Actor.moderator(UserId.of(7));
        AuditFacts infraction = new InfractionRecorded(
                        MEMBER, InfractionId.of("i1"), InfractionType.SPAM, moderator, "flood", Evidence.none(), AT)
                .audit();
        assertThat(infraction).isEqualTo(new AuditFacts("i1", "SPAM", null, moderator, "flood"));
        assertThat(new SanctionApplied(MEMBER, SanctionId.of("s1"), SanctionKind.BAN, AT).audit())
                .isEqualTo(new AuditFacts("s1", null, "BAN", null, null));
    }

    @Test
    void everyEventThatNamesWhoActedFilesItsOwnFacts() throws IOException, ClassNotFoundException {
        List<String> silent = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : eventClasses()) {
            boolean namesActor = Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getType)
                    .anyMatch(Actor.class::equals);
            if (!namesActor) continue;
            checked++;
            boolean ownsFacts = Arrays.stream(type.getDeclaredMethods())
                            .anyMatch(m -> m.getName().equals("audit") && m.getParameterCount() == 0)
                    || Arrays.stream(type.getInterfaces())
                            .anyMatch(i -> !i.equals(GuildEvent.class)
                                    && !i.equals(MemberEvent.class)
                                    && Arrays.stream(i.getDeclaredMethods())
                                            .anyMatch(m -> m.getName().equals("audit")));
            if (!ownsFacts) silent.add(type.getName());
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(silent)
                .as("events that name an actor but leave the audit trail without it")
                .isEmpty();
    }

    private static List<Class<?>> eventClasses() throws IOException, ClassNotFoundException {
        Path root = Path.of("target", "classes");
        List<Class<?>> events = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f ->
                            f.toString().endsWith(".class") && !f.toString().contains("$"))
                    .toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name);
                if (type.isRecord() && GuildEvent.class.isAssignableFrom(type)) events.add(type);
            }
        }
        return events;
    }
}
