import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Latencies per category, gathered per thread without contention and merged at the end; shared by
 * {@code LoadTest} (over HTTP) and {@code LuceneFloor} (in-process) so both report alike.
 */
final class Recorder {
    private final List<Local> locals = new ArrayList<>();
    private final Map<String, String> firstErrors = new ConcurrentHashMap<>();

    /** Prints the report and the first error of each category, and appends the rows to {@code tsv} when given. */
    void print(String label, double seconds, Path tsv) throws IOException {
        List<String> rows = report(label, seconds);
        for (String row : rows) System.out.println(format(row));
        firstErrors.forEach((c, e) -> System.out.println("  first error in " + c + ": " + e));
        if (tsv != null) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(tsv, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
                for (String row : rows) out.println(row);
            }
        }
    }

    static String abbreviate(String s) {
        s = s.replaceAll("\\s+", " ");
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    static String format(String tsvRow) {
        String[] c = tsvRow.split("\t");
        return String.format("%-10s %-8s %7s %8s %8s %8s %8s %8s %6s %8s", (Object[]) c);
    }

    /** One request of the mix, by its index: null when it succeeded, else what went wrong. */
    interface Request {
        String run(int i) throws InterruptedException;
    }

    /**
     * Runs {@code workers} threads through {@code requests} in turn (each row: category, text) for {@code warmup}
     * then {@code seconds}, recording what ends after the warm-up. Closed loop, or open loop at {@code rate}
     * requests/s when it is above 0.
     */
    void drive(String name, int workers, double rate, double warmup, double seconds, List<String[]> requests, Request request)
            throws InterruptedException {
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long warmupEnd = start + (long) (warmup * 1e9);
        long pace = rate > 0 ? (long) (1e9 / rate) : 0;
        AtomicLong ticket = new AtomicLong();
        long end = warmupEnd + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(Thread.ofPlatform().name(name + "-" + w).start(() -> {
                Local local = local();
                long now;
                while ((now = System.nanoTime()) < end) {
                    if (pace > 0) { // open loop: the latency counts from when the request was due, not when a worker got to it
                        long due = start + ticket.getAndIncrement() * pace;
                        if (due >= end) break;
                        while ((now = System.nanoTime()) < due) LockSupport.parkNanos(due - now);
                        now = due;
                    }
                    int i = (int) (next.getAndIncrement() % requests.size());
                    String error;
                    try {
                        error = request.run(i);
                    } catch (InterruptedException e) {
                        return;
                    }
                    long done = System.nanoTime();
                    if (now >= warmupEnd) local.add(requests.get(i)[0], done - now, error == null, requests.get(i)[1], error);
                }
            }));
        }
        for (Thread t : threads) t.join();
    }

    synchronized Local local() {
        Local l = new Local(firstErrors);
        locals.add(l);
        return l;
    }

    static final class Local {
        final Map<String, long[]> nanos = new TreeMap<>();
        final Map<String, Integer> sizes = new TreeMap<>();
        final Map<String, Integer> errors = new TreeMap<>();
        private final Map<String, String> firstErrors;

        Local(Map<String, String> firstErrors) {
            this.firstErrors = firstErrors;
        }

        /** One timed request; {@code error} (null when ok) is kept for the first failure of its category. */
        void add(String category, long latency, boolean ok, String request, String error) {
            int n = sizes.getOrDefault(category, 0);
            long[] a = nanos.computeIfAbsent(category, k -> new long[1024]);
            if (n == a.length) nanos.put(category, a = Arrays.copyOf(a, n * 2));
            a[n] = latency;
            sizes.put(category, n + 1);
            if (!ok) {
                errors.merge(category, 1, Integer::sum);
                firstErrors.putIfAbsent(category, request + " -> " + abbreviate(error));
            }
        }
    }

    /** Header, one row per category, then "all": label, category, n, req/s, p50, p90, p99, max (ms), errors, mean (ms). */
    synchronized List<String> report(String label, double seconds) {
        Map<String, long[]> merged = new TreeMap<>();
        Map<String, Integer> errs = new TreeMap<>();
        List<Long> all = new ArrayList<>();
        for (Local l : locals) {
            l.sizes.forEach((c, n) -> {
                long[] prev = merged.getOrDefault(c, new long[0]);
                long[] add = Arrays.copyOf(l.nanos.get(c), n);
                long[] both = Arrays.copyOf(prev, prev.length + n);
                System.arraycopy(add, 0, both, prev.length, n);
                merged.put(c, both);
            });
            l.errors.forEach((c, n) -> errs.merge(c, n, Integer::sum));
        }
        List<String> rows = new ArrayList<>();
        rows.add("label\tcategory\tn\treq/s\tp50_ms\tp90_ms\tp99_ms\tmax_ms\terrors\tmean_ms");
        long[] everything = merged.values().stream().flatMapToLong(Arrays::stream).toArray();
        // The search aims are for searches (facets and highlighting): the mix without its suggestions.
        long[] searches = merged.entrySet().stream().filter(e -> !e.getKey().equals("suggest"))
                .flatMapToLong(e -> Arrays.stream(e.getValue())).toArray();
        merged.put("ALL", everything);
        errs.put("ALL", errs.values().stream().mapToInt(Integer::intValue).sum());
        merged.put("SEARCHES", searches);
        errs.put("SEARCHES", errs.entrySet().stream().filter(e -> !e.getKey().equals("suggest") && !e.getKey().equals("ALL"))
                .mapToInt(Map.Entry::getValue).sum());
        for (Map.Entry<String, long[]> e : merged.entrySet()) {
            long[] a = e.getValue();
            Arrays.sort(a);
            rows.add(String.join("\t", label, e.getKey(), String.valueOf(a.length), String.format("%.1f", a.length / seconds),
                    ms(pct(a, 0.50)), ms(pct(a, 0.90)), ms(pct(a, 0.99)), ms(a.length == 0 ? 0 : a[a.length - 1]),
                    String.valueOf(errs.getOrDefault(e.getKey(), 0)),
                    ms(a.length == 0 ? 0 : Arrays.stream(a).sum() / a.length)));
        }
        return rows;
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String ms(long nanos) {
        return String.format("%.2f", nanos / 1e6);
    }
}
