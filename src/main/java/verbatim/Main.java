package verbatim;

import picocli.CommandLine;
import verbatim.cli.VerbatimCommand;

/** Entry point of {@code verbatim.jar}. */
public final class Main {
    public static void main(String[] args) {
        // Lucene warns at start-up when the incubating Vector API module is not enabled. Its scalar
        // code is correct, just slower for vector search, which Verbatim does not use: the warning is noise.
        java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization").setLevel(java.util.logging.Level.SEVERE);
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new VerbatimCommand()).execute(args);
    }
}
