package warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import warden.WardenApplication;

/** {@code --help} and {@code help} print the commands instead of starting the server; an unknown command is an error. */
class WardenCliTest {

    private static String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            int status = WardenCli.run(WardenApplication.class, args);
            return new String[] {
                Integer.toString(status),
                printed.toString(StandardCharsets.UTF_8),
                errors.toString(StandardCharsets.UTF_8)
            };
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void helpListsTheCommandsAndAnUnknownCommandIsRefused() {
        for (String help : new String[] {"help", "--help", "-h"}) {
            assertThat(WardenCli.isCommand(help)).isTrue();
            String[] answer = run(help);
            assertThat(answer[0]).isEqualTo("0");
            assertThat(answer[1])
                    .startsWith("usage: java -jar warden.jar")
                    .contains("sandbox")
                    .contains("replay")
                    .contains("backtest")
                    .contains("hash-token");
        }
        String[] unknown = run("serve");
        assertThat(unknown[0]).isEqualTo("2");
        assertThat(unknown[2]).startsWith("unknown command: serve");
        assertThat(WardenCli.isCommand("run")).isFalse();
        assertThat(WardenCli.isCommand("--server.port=8081"))
                .as("options go to the server")
                .isFalse();
    }
}
