package uk.safeguarding.explorer;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import uk.safeguarding.explorer.backup.RestoreCommand;

/**
 * Entry point of the Safeguarding Network Explorer; {@code restore --from FILE} restores a backup
 * into an empty data directory instead of starting the application.
 */
@SpringBootApplication
public class ExplorerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "restore".equals(args[0])) {
            System.exit(RestoreCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(ExplorerApplication.class, args);
    }
}
