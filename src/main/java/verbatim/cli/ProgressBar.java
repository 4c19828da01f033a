package verbatim.cli;

import verbatim.index.CorpusIndexer;
import verbatim.ingest.Problem;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows indexing progress: a redrawn bar with count, rate and ETA on a terminal, and a plain line
 * every few seconds otherwise (logs, CI), so long runs never look hung.
 */
final class ProgressBar implements CorpusIndexer.Listener {

    private static final int WIDTH = 28;
    /** A file of a thousand bad records should not bury the other reports. */
    private static final int PROBLEMS_SHOWN_PER_FILE = 10;

    private final PrintStream out;
    private final boolean terminal;
    private final long redrawMillis;
    private long start;
    private long total;
    private long lastDraw;
    private boolean drawn;
    private final Map<String, Integer> problemsPerFile = new LinkedHashMap<>();

    ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.redrawMillis = terminal ? 200 : 10_000;
    }

    @Override
    public void started(int files, long totalBytes) {
        start = System.currentTimeMillis();
        lastDraw = start;
        total = Math.max(1, totalBytes);
        out.printf("Reading %,d files (%s)%n", files, megabytes(totalBytes));
    }

    /** For work counted in articles rather than bytes: {@code heading} first, then the bar over {@code articles}. */
    void started(String heading, int articles) {
        start = System.currentTimeMillis();
        lastDraw = start;
        total = Math.max(1, articles);
        out.println(heading);
    }

    /** Work that cannot tell how far it got. */
    interface Work {
        void run() throws IOException;
    }

    /**
     * For work with no measure of progress (a merge): {@code heading}, then the time it has taken so far, redrawn
     * on a terminal and a line every few seconds otherwise, until {@code work} returns.
     */
    void timed(String heading, Work work) throws IOException {
        out.println(heading);
        long begin = System.currentTimeMillis();
        Thread ticker = Thread.ofPlatform().daemon().name("progress").start(() -> {
            try {
                while (true) {
                    Thread.sleep(redrawMillis);
                    show(String.format("%,d s", (System.currentTimeMillis() - begin) / 1000));
                }
            } catch (InterruptedException done) {
                // the work returned
            }
        });
        try {
            work.run();
        } finally {
            ticker.interrupt();
            try {
                ticker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            clearLine();
        }
    }

    private void show(String line) {
        if (terminal) {
            out.print("\r" + line + "   ");
            drawn = true;
        } else {
            out.println(line);
        }
    }

    @Override
    public void progress(long bytesDone, int articles) {
        long now = System.currentTimeMillis();
        if (now - lastDraw < redrawMillis) return;
        lastDraw = now;
        double fraction = Math.min(1.0, bytesDone / (double) total);
        double seconds = Math.max(0.001, (now - start) / 1000.0);
        long etaSeconds = fraction > 0 ? Math.round(seconds / fraction - seconds) : 0;
        String line = String.format("%3d%% %,d articles, %,.0f/s, ETA %d:%02d",
                Math.round(fraction * 100), articles, articles / seconds, etaSeconds / 60, etaSeconds % 60);
        if (terminal) {
            int filled = (int) Math.round(fraction * WIDTH);
            out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + line + "   ");
            drawn = true;
        } else {
            out.println(line);
        }
    }

    @Override
    public void problem(Problem problem) {
        String file = problem.source().replaceFirst(":\\d+$", "");
        int seen = problemsPerFile.merge(file, 1, Integer::sum);
        if (seen <= PROBLEMS_SHOWN_PER_FILE) {
            clearLine();
            out.println("skipped " + problem);
        }
    }

    /** Leaves the terminal on a fresh line before the summary, with the count of problems not shown. */
    void finish() {
        clearLine();
        problemsPerFile.forEach((file, n) -> {
            if (n > PROBLEMS_SHOWN_PER_FILE) {
                out.printf("... and %,d more problems in %s%n", n - PROBLEMS_SHOWN_PER_FILE, file);
            }
        });
        problemsPerFile.clear();
    }

    private void clearLine() {
        if (drawn) {
            out.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            drawn = false;
        }
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1_000_000.0);
    }
}
