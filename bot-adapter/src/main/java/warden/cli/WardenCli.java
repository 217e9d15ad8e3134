package warden.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import warden.automod.BacktestCommand;
import warden.common.TokenHash;
import warden.replay.ReplayService;
import warden.replay.ReplayStatus;

/**
 * The jar's sub-commands. Without one (or with {@code run}), Warden runs as a server until stopped.
 * <ul>
 *     <li>{@code sandbox}: Warden against its built-in fake Discord with two demo servers; open /sandbox</li>
 *     <li>{@code help}: the commands and their options</li>
 *     <li>{@code replay}: rebuild every read model from the event store, print progress, exit</li>
 *     <li>{@code hash-token <token>}: print the SHA-256 to configure for an API token</li>
 *     <li>{@code backtest --policy p.json --export chat.json}: try an automod policy on a channel export</li>
 * </ul>
 */
public final class WardenCli {

    private WardenCli() {}

    /** Whether the first argument is a sub-command (run and options go to the server; anything else is an error). */
    public static boolean isCommand(String arg) {
        return arg.equals("--help") || arg.equals("-h") || !arg.equals("run") && !arg.startsWith("-");
    }

    static final String USAGE = """
            usage: java -jar warden.jar [command] [--option=value ...]

            commands:
              run                  run Warden (the default): the bot, the command and query sides, the REST API;
                                   on an embedded PostgreSQL in ./warden-data unless warden.datasource.* is set
              sandbox              run Warden against its built-in fake Discord with two demo servers, on
                                   http://127.0.0.1:8080/sandbox (no Discord token; nothing reaches Discord)
              replay               rebuild every read model from the event store, print progress, exit
              backtest --policy <policy.json> --export <export.json|dir> [--out flagged.jsonl] [--csv flagged.csv]
                       [--report report.html]
                                   try an automod policy on DiscordChatExporter exports, offline
              hash-token <token>   print the SHA-256 to configure for an API token
              help, --help, -h     this text

            options are Spring properties, for example --server.port=8081 --warden.discord.token=...
            (see the README's Configuration section)
            """;

    public static int run(Class<?> application, String[] args) {
        PrintStream out = System.out;
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "help", "--help", "-h" -> {
                out.print(USAGE);
                return 0;
            }
            case "sandbox" -> {
                warden.sandbox.Sandbox sandbox = warden.sandbox.Sandbox.start(application, rest);
                out.println("Sandbox ready: open http://127.0.0.1:"
                        + sandbox.context().getEnvironment().getProperty("local.server.port", "8080")
                        + "/sandbox (Ctrl+C to stop)");
                return -1; // keeps running
            }
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
                System.err.print(USAGE);
                return 2;
            }
        }
    }

    private static int replay(Class<?> application, String[] args, PrintStream out) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("warden.discord.enabled=false", "warden.cli.command=replay")
                .run(args)) {
            ReplayService replay = context.getBean(ReplayService.class);
            ReplayStatus status = replay.start();
            out.printf(Locale.ROOT, "replaying %s over %d events%n", status.processors(), status.eventsTotal());
            while (status.state() != ReplayStatus.State.DONE) {
                sleep();
                status = replay.status();
                out.printf(
                        Locale.ROOT,
                        "  %d / %d events (%.0f events/s, done around %s)%n",
                        status.eventsDone(),
                        status.eventsTotal(),
                        status.ratePerSecond(),
                        status.eta() == null ? "-" : status.eta());
            }
            out.printf(
                    Locale.ROOT,
                    "replay done: %d events in %s%n",
                    status.eventsTotal(),
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
