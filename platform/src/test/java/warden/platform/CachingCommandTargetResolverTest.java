package warden.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The caching resolver answers every kind of command exactly as Axon's own resolver does, refusals included. */
class CachingCommandTargetResolverTest {

    record OnComponent(@TargetAggregateIdentifier String id, String other) {}

    record WithVersion(
            @TargetAggregateIdentifier String id,
            @TargetAggregateVersion Long version) {}

    record WithTextVersion(
            @TargetAggregateIdentifier String id,
            @TargetAggregateVersion String version) {}

    record WithObjectIdentifier(@TargetAggregateIdentifier Key key) {}

    record Key(long guild, long user) {
        @Override
        public String toString() {
            return guild + ":" + user;
        }
    }

    static class OnMethod {
        @TargetAggregateIdentifier
        String target() {
            return "from-method";
        }
    }

    static class Base {
        @TargetAggregateIdentifier
        private final String id = "from-superclass-field";
    }

    static class Derived extends Base {}

    record NoTarget(String id) {}

    record NullTarget(@TargetAggregateIdentifier String id) {}

    static List<Object> commands() {
        return List.of(
                new OnComponent("a", "b"),
                new WithVersion("a", 7L),
                new WithVersion("a", null),
                new WithTextVersion("a", "12"),
                new WithTextVersion("a", "twelve"),
                new WithObjectIdentifier(new Key(1, 2)),
                new OnMethod(),
                new Derived(),
                new NoTarget("a"),
                new NullTarget(null));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void resolvesAsAxonDoes(Object payload) {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(payload);
        CachingCommandTargetResolver cached = new CachingCommandTargetResolver();
        AnnotationCommandTargetResolver axon =
                AnnotationCommandTargetResolver.builder().build();
        for (int twice = 0; twice < 2; twice++) {
            Throwable ours = catchThrowable(() -> cached.resolveTarget(command));
            Throwable theirs = catchThrowable(() -> axon.resolveTarget(command));
            if (theirs == null) {
                assertThat(ours).isNull();
                assertThat(cached.resolveTarget(command)).isEqualTo(axon.resolveTarget(command));
                assertThat(cached.resolveTarget(command).getIdentifierValue())
                        .isEqualTo(axon.resolveTarget(command).getIdentifierValue());
            } else {
                assertThat(ours).isInstanceOf(theirs.getClass()).hasMessage(theirs.getMessage());
            }
        }
    }
}
