import verbatim.index.LuceneArticleIndex;
import verbatim.search.LuceneSearch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per request, by category: one thread replays the requests of a queries.tsv in-process (as
 * {@link LuceneFloor} does) and adds up its own thread CPU time around each. Unlike latency, this hardly moves
 * when other processes load the machine, so two builds can be compared on a busy machine.
 *
 * <pre>java -cp target/verbatim.jar:CLASSES CpuPerRequest --index DIR --queries FILE [--passes 2] [--label L] [--json]</pre>
 * A first pass warms up (and waits for the completions); the next {@code passes} are measured. {@code --json} also
 * serialises each response as the server does, so that the server's CPU per request over HTTP can be set against it.
 * The last line, {@code PROCESS}, is the whole JVM's CPU time over the measured passes (GC and JIT threads included)
 * per request: the figure for comparing JVM options.
 */
public class CpuPerRequest {
    public static void main(String[] args) throws Exception {
        Path indexDir = null, queries = null;
        int passes = 2;
        String label = "cpu";
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--index" -> indexDir = Path.of(args[++i]);
                case "--queries" -> queries = Path.of(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--label" -> label = args[++i];
                case "--json" -> json = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (indexDir == null || queries == null) {
            System.err.println("usage: CpuPerRequest --index DIR --queries FILE [--passes N] [--label L]");
            System.exit(2);
        }
        List<String[]> requests = new ArrayList<>();
        for (String line : Files.readAllLines(queries)) requests.add(line.split("\t", 2));
        try (LuceneArticleIndex index = LuceneArticleIndex.open(indexDir)) {
            LuceneSearch search = new LuceneSearch(index);
            search.suggest("a", 8); // waits for the completions to be built
            List<LuceneFloor.Call> calls = new ArrayList<>();
            for (String[] r : requests) calls.add(json ? serialised(LuceneFloor.call(search, r[1])) : LuceneFloor.call(search, r[1]));
            for (LuceneFloor.Call call : calls) call.run();
            Tally tally = new Tally();
            long processBefore = processCpuNanos();
            for (int p = 0; p < passes; p++) {
                for (int i = 0; i < requests.size(); i++) tally.run(requests.get(i)[0], calls.get(i));
            }
            long process = processCpuNanos() - processBefore;
            tally.print(label);
            // The whole JVM over the measured passes: GC and JIT threads included, which a JVM option changes and the
            // request thread's own time does not show.
            System.out.printf("%-10s %-8s %8d %12.3f%n", label, "PROCESS", passes * requests.size(),
                    process / 1e6 / (passes * requests.size()));
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static LuceneFloor.Call serialised(LuceneFloor.Call call) {
        return () -> LuceneFloor.JSON.writeValueAsBytes(call.run());
    }

    /** CPU time of calls on the calling thread, by category and over all ("ALL"). */
    static final class Tally {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final Map<String, long[]> nanosAndCount = new TreeMap<>();

        void run(String category, LuceneFloor.Call call) throws Exception {
            long before = threads.getCurrentThreadCpuTime();
            call.run();
            long spent = threads.getCurrentThreadCpuTime() - before;
            // SEARCHES: the mix without its suggestions, what the latency aims are for.
            for (String c : category.equals("suggest") ? List.of(category, "ALL") : List.of(category, "ALL", "SEARCHES")) {
                long[] s = nanosAndCount.computeIfAbsent(c, k -> new long[2]);
                s[0] += spent;
                s[1]++;
            }
        }

        void print(String label) {
            System.out.printf("%-10s %-8s %8s %12s%n", "label", "category", "requests", "CPU ms/req");
            for (Map.Entry<String, long[]> e : nanosAndCount.entrySet()) {
                System.out.printf("%-10s %-8s %8d %12.3f%n", label, e.getKey(), e.getValue()[1], e.getValue()[0] / 1e6 / e.getValue()[1]);
            }
        }
    }
}
