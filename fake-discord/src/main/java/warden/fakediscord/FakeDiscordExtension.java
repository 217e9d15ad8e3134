package warden.fakediscord;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Starts a fake Discord for a test class (register it as a static field, so that Spring properties can read its
 * addresses), waits before each test until real JDA has logged in and received its guilds, and fails a test on
 * any error JDA logged meanwhile: a silently dropped event must not pass for a working feature.
 */
public final class FakeDiscordExtension implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final FakeDiscord discord;
    private final List<String> jdaErrors = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                jdaErrors.add(event.getLoggerName() + ": " + event.getFormattedMessage()
                        + (event.getThrowableProxy() == null
                                ? ""
                                : " (" + event.getThrowableProxy().getMessage() + ")"));
            }
        }
    };

    public FakeDiscordExtension(Consumer<World> worldBuilder) {
        discord = new FakeDiscord();
        worldBuilder.accept(discord.world());
        discord.start();
        appender.setName("jda-errors");
        appender.start();
        ((Logger) LoggerFactory.getLogger("net.dv8tion")).addAppender(appender);
    }

    public FakeDiscord discord() {
        return discord;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        // closed when the whole test run ends: Spring closes the class's application context (and JDA with it)
        // after this extension's afterAll, and JDA must not find its Discord gone while it shuts down
        // (JUnit closes AutoCloseable values of the root store when the run ends)
        context.getRoot()
                .getStore(ExtensionContext.Namespace.create(FakeDiscordExtension.class))
                .computeIfAbsent(System.identityHashCode(discord), key -> discord);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!discord.sessionReady()) {
            if (System.nanoTime() > deadline)
                throw new IllegalStateException("JDA did not log in to the fake Discord within " + READY_TIMEOUT);
            Thread.sleep(20);
        }
        jdaErrors.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!jdaErrors.isEmpty()) {
            List<String> errors = List.copyOf(jdaErrors);
            jdaErrors.clear();
            throw new AssertionError("JDA logged errors during the test: " + errors);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ((Logger) LoggerFactory.getLogger("net.dv8tion")).detachAppender(appender);
    }
}
