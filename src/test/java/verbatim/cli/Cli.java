package verbatim.cli;

import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * One run of the {@code verbatim} command line, in-process, with what it printed. Commands print both through
 * picocli and to {@code System.out}/{@code System.err} (progress, summaries): both are kept, for the time of the run.
 *
 * <pre>{@code
 * Cli run = Cli.run("backup", "--index", index.toString(), "--to", target.toString());
 * assertEquals(0, run.code(), run.err());
 * }</pre>
 */
public record Cli(int code, String out, String err) {

    public static synchronized Cli run(String... args) {
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream toOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream toErr = new PrintStream(err, true, StandardCharsets.UTF_8);
        System.setOut(toOut);
        System.setErr(toErr);
        try {
            CommandLine cl = new CommandLine(new VerbatimCommand());
            cl.setOut(new PrintWriter(toOut, true));
            cl.setErr(new PrintWriter(toErr, true));
            int code = cl.execute(args);
            return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(systemOut);
            System.setErr(systemErr);
        }
    }
}
