package warden.cli;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import warden.api.TokenHash;
import warden.automod.BacktestCommand;
import warden.replay.ReplayService;
import warden.replay.ReplayStatus;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * The jar's sub-commands. Without one, Warden runs as a server until stopped.
 * <ul>
 *     <li>{@code replay}: rebuild every read model from the event store, print progress, exit</li>
 *     <li>{@code hash-token <token>}: print the SHA-256 to configure for an API token</li>
 *     <li>{@code backtest --policy p.json --export chat.json}: try an automod policy on a channel export</li>
 * </ul>
 */
public final class WardenCli {

    private WardenCli() {
    }

    public static boolean isCommand(String arg) {
        return arg.equals("hash-token") || arg.equals("replay") || arg.equals("backtest");
    }

    public static int run(Class<?> application, String[] args) {
        PrintStream out = System.out;
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "hash-token" -> {
                if (rest.length != 1 || rest[0].isBlank()) {
                    System.err.println("usage: java -jar warden.jar hash-token <token>");
                    return 2;
                }
                out.println(TokenHash.of(rest[0]));
                return 0;
            }
            case "replay" -> {
                return replay(application, rest, out);
            }
            case "backtest" -> {
                return BacktestCommand.run(rest, out, System.err);
            }
            default -> {
                System.err.println("unknown command: " + command);
                return 2;
            }
        }
    }

    private static int replay(Class<?> application, String[] args, PrintStream out) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("warden.discord.enabled=false")
                .run(args)) {
            ReplayService replay = context.getBean(ReplayService.class);
            ReplayStatus status = replay.start();
            out.printf(Locale.ROOT, "replaying %s over %d events%n", status.processors(), status.eventsTotal());
            while (status.state() != ReplayStatus.State.DONE) {
                sleep();
                status = replay.status();
                out.printf(Locale.ROOT, "  %d / %d events (%.0f events/s, done around %s)%n", status.eventsDone(), status.eventsTotal(),
                        status.ratePerSecond(), status.eta() == null ? "-" : status.eta());
            }
            out.printf(Locale.ROOT, "replay done: %d events in %s%n", status.eventsTotal(),
                    java.time.Duration.between(status.startedAt(), status.finishedAt()));
            return 0;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
