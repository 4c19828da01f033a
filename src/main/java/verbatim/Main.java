package verbatim;

import picocli.CommandLine;
import java.util.logging.Level;
import java.util.logging.Logger;
import verbatim.cli.VerbatimCommand;

/** Entry point of {@code verbatim.jar}. */
public final class Main {

    /**
     * Lucene warns at start-up when the incubating Vector API module is not enabled. Its scalar code
     * is correct, just slower for vector search, which Verbatim does not use: the warning is noise.
     * Held in a field because the logging framework keeps loggers only weakly, with their level.
     */
    private static final Logger VECTORIZATION_LOG = Logger.getLogger("org.apache.lucene.internal.vectorization");

    public static void main(String[] args) {
        VECTORIZATION_LOG.setLevel(Level.SEVERE);
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new VerbatimCommand()).execute(args);
    }
}
