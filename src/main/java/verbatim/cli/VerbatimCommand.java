package verbatim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The {@code verbatim} command: one subcommand per job. */
@Command(name = "verbatim",
        mixinStandardHelpOptions = true,
        version = "Verbatim 0.1.0",
        description = {"Full-text search over French industry articles: who said what.", ""},
        subcommands = {IndexCommand.class, ServeCommand.class, ExtractCommand.class, BackupCommand.class, RestoreCommand.class,
                SolrInitCommand.class, MigrateCommand.class, HelpCommand.class},
        footer = {"", "Start with:  verbatim serve   (indexes ./corpus into ./index when the index is empty)",
                "Run 'verbatim help COMMAND' or 'verbatim COMMAND --help' for a command's options."})
public final class VerbatimCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
