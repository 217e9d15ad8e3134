package warden.discord;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a feature's {@link SideEffectProcessors.SliceHandlers}: the side effect runs in its own processor, named
 * {@link #value()}, one per shard slice this node holds. Read from the bean's class, so that processors are
 * registered before any feature bean is made.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ShardedSideEffect {
    /** The processor's base name ({@code sanction-executor}). */
    String value();
}
