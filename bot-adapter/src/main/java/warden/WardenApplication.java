package warden;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import warden.cli.WardenCli;

/**
 * Warden in one process: the Discord bot, the command side and the query side with its REST API. With no
 * configuration it runs on an embedded PostgreSQL whose data lives in {@code ./warden-data}.
 */
@SpringBootApplication
public class WardenApplication {

    public static void main(String[] args) {
        // Warden does not phone home: AxonIQ's update checker and console banner stay off unless asked for.
        System.setProperty(
                "axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        System.setProperty(
                "disable-axoniq-console-message", System.getProperty("disable-axoniq-console-message", "true"));
        if (args.length > 0 && WardenCli.isCommand(args[0])) {
            int status;
            try {
                status = WardenCli.run(WardenApplication.class, args);
            } catch (org.springframework.beans.BeansException e) {
                status = 1; // a failed start, already reported by Spring in its few lines: exit, never hang
            }
            if (status >= 0) System.exit(status);
            return; // a command that keeps running (the sandbox)
        }
        String[] serverArgs =
                args.length > 0 && args[0].equals("run") ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        SpringApplication.run(WardenApplication.class, serverArgs);
    }
}
