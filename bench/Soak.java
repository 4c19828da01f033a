import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The soak run: searches at full speed (closed loop, N connections) while articles are written at a steady rate
 * (open loop), for a long time, against a running Verbatim server. JDK only (with Recorder.java beside it; see
 * bench/README.md, and bench/soak.sh, which starts the server and runs this):
 *
 * <pre>
 * java -cp CLASSES Soak --url http://localhost:7070 --queries queries.tsv --key ADMIN_KEY [--pid SERVER_PID]
 *      [--connections 64] [--write-rate 50] [--seconds 600] [--warmup 10] [--sample-every 30]
 *      [--articles corpus.jsonl.gz] [--samples samples.tsv]
 * </pre>
 *
 * Every write is a {@code POST /api/articles}: a record of --articles (its text, title, site, tags, under a new id)
 * or, without it, a generated French paragraph. Each written article also carries the run's own made-up word, so
 * that at the end one search for it, paged through with cursors, must find every article the server answered 201
 * for. Every --sample-every seconds it reads the server's {@code /metrics} (heap used, heap after the last GC, open
 * files, threads, commits) and, with --pid, its RSS from {@code /proc}; with --pid it also asks the JVM for a full GC
 * (jcmd) after the warm-up and at the end, and reports the heap left after each: the figure that shows a leak.
 *
 * <p>The last line is the summary, {@code SOAK key=value ...}; the exit status is 1 when any request failed or a
 * written article is not found.
 */
public class Soak {

    record Sample(double at, double heapUsed, double heapAfterGc, double openFiles, double threads, double commits, long rssKb) {
    }

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:7070", key = null;
        Path queries = null, articles = null, samplesFile = null;
        long pid = 0;
        int connections = 64;
        double writeRate = 50, seconds = 600, warmup = 10, sampleEvery = 30;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i].replaceAll("/+$", "");
                case "--queries" -> queries = Path.of(args[++i]);
                case "--key" -> key = args[++i];
                case "--pid" -> pid = Long.parseLong(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--write-rate" -> writeRate = Double.parseDouble(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--sample-every" -> sampleEvery = Double.parseDouble(args[++i]);
                case "--articles" -> articles = Path.of(args[++i]);
                case "--samples" -> samplesFile = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (queries == null || key == null) {
            System.err.println("usage: Soak --url URL --queries FILE --key ADMIN_KEY [--pid PID] [--connections N] [--write-rate R] "
                    + "[--seconds S] [--warmup S] [--sample-every S] [--articles FILE.jsonl.gz] [--samples FILE]");
            System.exit(2);
        }
        String base = url;
        String adminKey = key;
        List<String[]> requests = Files.readAllLines(queries, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).map(l -> l.split("\t", 2)).toList();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<HttpRequest> built = new ArrayList<>();
        for (String[] r : requests) built.add(HttpRequest.newBuilder(URI.create(base + r[1])).timeout(Duration.ofSeconds(30)).GET().build());
        Writes source = new Writes(articles);
        String run = "soak" + letters(System.currentTimeMillis() / 1000 % 1_000_000); // this run's made-up word

        for (int i = 0; i < Math.min(100, built.size()); i++) { // one-off work (suggester, facet labels) not timed
            try {
                client.send(built.get(i), HttpResponse.BodyHandlers.discarding());
            } catch (IOException ignored) {
                // counted when it happens again under load
            }
        }
        System.out.printf(Locale.ROOT, "soak: %d search connections, %.0f writes/s, %.0f s warm-up + %.0f s measured, run word %s%n",
                connections, writeRate, warmup, seconds, run);
        long pidToWatch = pid;
        Recorder searches = new Recorder();
        Recorder writes = new Recorder();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong writeErrors = new AtomicLong();
        long start = System.nanoTime();
        long warmupEnd = start + (long) (warmup * 1e9);
        long end = warmupEnd + (long) (seconds * 1e9);
        AtomicLong next = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            threads.add(Thread.ofPlatform().name("search-" + w).start(() -> {
                Recorder.Local local = searches.local();
                long now;
                while ((now = System.nanoTime()) < end) {
                    int i = (int) (next.getAndIncrement() % built.size());
                    timed(client, built.get(i), requests.get(i)[0], requests.get(i)[1], now, warmupEnd, local, null);
                }
            }));
        }
        // Writes: open loop, each due at its time and timed from it, as from many independent clients (up to 256 in
        // flight): a slow commit shows as latency, and makes the next batch larger, rather than holding writes back.
        long pace = (long) (1e9 / writeRate);
        AtomicLong ticket = new AtomicLong();
        for (int w = 0; w < 256; w++) {
            threads.add(Thread.ofVirtual().name("write-" + w).start(() -> {
                Recorder.Local local = writes.local();
                while (true) {
                    long n = ticket.getAndIncrement();
                    long due = start + n * pace;
                    if (due >= end) return;
                    long now;
                    while ((now = System.nanoTime()) < due) LockSupport.parkNanos(due - now);
                    String id = run + "-" + n;
                    HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/articles")).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + adminKey)
                            .POST(HttpRequest.BodyPublishers.ofString(source.article(n, id, run))).build();
                    if (timed(client, post, "write", "POST " + id, due, warmupEnd, local, writeErrors)) acknowledged.add(id);
                }
            }));
        }
        List<Sample> samples = new ArrayList<>();
        double[] heapAfterFullGc = new double[2];
        long sampleNanos = (long) (sampleEvery * 1e9);
        LockSupport.parkNanos(Math.max(0, warmupEnd - System.nanoTime()));
        if (pidToWatch > 0) heapAfterFullGc[0] = fullGcThenHeap(client, base, pidToWatch);
        System.out.println("  t(s)  heap(MB) after-gc(MB) files threads commits rss(MB)");
        for (long due = warmupEnd; due < end; due += sampleNanos) {
            LockSupport.parkNanos(Math.max(0, due - System.nanoTime()));
            Sample s = sample(client, base, pidToWatch, (System.nanoTime() - warmupEnd) / 1e9);
            samples.add(s);
            System.out.printf(Locale.ROOT, "%6.0f %9.1f %12.1f %5.0f %7.0f %7.0f %7.1f%n", s.at(), s.heapUsed() / 1e6,
                    s.heapAfterGc() / 1e6, s.openFiles(), s.threads(), s.commits(), s.rssKb() / 1e3);
        }
        for (Thread t : threads) t.join();
        Sample last = sample(client, base, pidToWatch, (System.nanoTime() - warmupEnd) / 1e9);
        samples.add(last);
        if (pidToWatch > 0) heapAfterFullGc[1] = fullGcThenHeap(client, base, pidToWatch);
        if (samplesFile != null) {
            List<String> lines = new ArrayList<>(List.of("t_s\theap_used_bytes\theap_after_gc_bytes\topen_files\tthreads\tcommits\trss_kb"));
            for (Sample s : samples) {
                lines.add(String.format(Locale.ROOT, "%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t%d", s.at(), s.heapUsed(), s.heapAfterGc(),
                        s.openFiles(), s.threads(), s.commits(), s.rssKb()));
            }
            Files.write(samplesFile, lines, StandardCharsets.UTF_8);
        }

        System.out.println("== searches");
        searches.print("soak", seconds, null);
        System.out.println("== writes");
        writes.print("soak", seconds, null);
        Set<String> found = findAll(client, base, run);
        Set<String> missing = new HashSet<>(acknowledged);
        missing.removeAll(found);
        if (!missing.isEmpty()) System.out.println("NOT FOUND: " + missing.stream().sorted().limit(20).toList());
        List<String> searchAll = searches.report("soak", seconds).stream().filter(r -> r.split("\t")[1].equals("ALL")).toList();
        String[] s = searchAll.isEmpty() ? new String[9] : searchAll.get(0).split("\t");
        String[] w = writes.report("soak", seconds).stream().filter(r -> r.split("\t")[1].equals("ALL")).findFirst()
                .orElse("x\tALL\t0\t0\t0\t0\t0\t0\t0").split("\t");
        Sample first = samples.get(0);
        System.out.printf(Locale.ROOT, "SOAK searches=%s search_rps=%s search_p50_ms=%s search_p99_ms=%s search_errors=%s "
                        + "writes=%d write_p50_ms=%s write_p99_ms=%s write_errors=%d not_found=%d commits=%.0f "
                        + "heap_after_full_gc_start_mb=%.1f heap_after_full_gc_end_mb=%.1f heap_after_gc_max_mb=%.1f "
                        + "files_start=%.0f files_end=%.0f files_max=%.0f rss_start_mb=%.1f rss_end_mb=%.1f rss_max_mb=%.1f%n",
                s[2], s[3], s[4], s[6], s[8], acknowledged.size(), w[4], w[6], writeErrors.get(), missing.size(),
                last.commits() - first.commits(), heapAfterFullGc[0] / 1e6, heapAfterFullGc[1] / 1e6,
                samples.stream().mapToDouble(Sample::heapAfterGc).max().orElse(0) / 1e6,
                first.openFiles(), last.openFiles(), samples.stream().mapToDouble(Sample::openFiles).max().orElse(0),
                first.rssKb() / 1e3, last.rssKb() / 1e3, samples.stream().mapToLong(Sample::rssKb).max().orElse(0) / 1e3);
        boolean failed = !"0".equals(s[8]) || writeErrors.get() > 0 || !missing.isEmpty() || acknowledged.isEmpty();
        System.exit(failed ? 1 : 0);
    }

    /** Sends one request, records it when past the warm-up; true when it answered 2xx. */
    private static boolean timed(HttpClient client, HttpRequest request, String category, String shown, long from, long warmupEnd,
                                 Recorder.Local local, AtomicLong errors) {
        boolean ok;
        String error = null;
        try {
            HttpResponse<byte[]> res = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            ok = res.statusCode() / 100 == 2;
            if (!ok) error = res.statusCode() + " " + new String(res.body(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            ok = false;
            error = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (!ok && errors != null) errors.incrementAndGet(); // a failed write counts even in the warm-up
        if (from >= warmupEnd) local.add(category, System.nanoTime() - from, ok, shown, error);
        return ok;
    }

    /** Every article id that a search for the run's word finds, paged through with cursors. */
    private static Set<String> findAll(HttpClient client, String base, String run) throws IOException, InterruptedException {
        Set<String> ids = new HashSet<>();
        Pattern id = Pattern.compile("\"id\"\\s*:\\s*\"(" + run + "-\\d+)\"");
        Pattern cursor = Pattern.compile("\"next_cursor\"\\s*:\\s*\"([^\"]+)\"");
        String next = null;
        while (true) {
            String q = "/api/search?q=" + run + "&size=100" + (next == null ? "" : "&cursor=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + q)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IOException("GET " + q + " -> " + r.statusCode() + " " + r.body());
            int before = ids.size();
            Matcher m = id.matcher(r.body());
            while (m.find()) ids.add(m.group(1));
            Matcher c = cursor.matcher(r.body());
            if (ids.size() == before || !c.find()) return ids;
            next = c.group(1);
        }
    }

    private static Sample sample(HttpClient client, String base, long pid, double at) {
        double heapUsed = 0, afterGc = 0, files = Double.NaN, threads = Double.NaN, commits = Double.NaN;
        try {
            String metrics = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : metrics.lines().toList()) {
                if (line.startsWith("#")) continue;
                double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) heapUsed += v;
                else if (line.startsWith("jvm_memory_used_after_gc_bytes{")) afterGc += v;
                else if (line.startsWith("process_files_open_files ")) files = v;
                else if (line.startsWith("jvm_threads_live_threads ")) threads = v;
                else if (line.startsWith("verbatim_index_commits_total ")) commits = v;
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.out.println("  (metrics not read: " + e + ")");
        }
        return new Sample(at, heapUsed, afterGc, files, threads, commits, rssKb(pid));
    }

    private static long rssKb(long pid) {
        if (pid <= 0) return 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the server is gone
        }
        return 0;
    }

    /**
     * Asks the server's JVM for a full GC (jcmd), then reads the heap it left: what the server really holds. (The heap
     * used of the moment, read a few ms later under load, already holds hundreds of MB of fresh garbage.)
     */
    private static double fullGcThenHeap(HttpClient client, String base, long pid) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), "GC.run")
                    .redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            p.waitFor();
        } catch (IOException | InterruptedException e) {
            System.out.println("  (no full GC: " + e + ")");
            return Double.NaN;
        }
        return sample(client, base, 0, 0).heapAfterGc(); // the full GC's figure, unless a young GC came since
    }

    /** Base-26 letters: ids and words the analyzer keeps as they are. */
    static String letters(long n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }

    /** What is written: records of a JSONL(.gz) corpus, reused in turn under new ids, or generated text. */
    static final class Writes {
        private final List<String> records = new ArrayList<>();

        Writes(Path jsonl) throws IOException {
            if (jsonl == null) return;
            var in = Files.newInputStream(jsonl);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    jsonl.toString().endsWith(".gz") ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null && records.size() < 5000) {
                    if (line.contains("\"text\"")) records.add(line.strip());
                }
            }
        }

        /** Article number {@code n} as a JSON body with {@code id}, carrying the run's word. */
        String article(long n, String id, String run) {
            if (records.isEmpty()) {
                return "{\"id\":\"" + id + "\",\"title\":\"Article " + run + " " + n + "\",\"tags\":[\"soak\"],\"text\":\"Le marché du "
                        + run + " progresse : les marques " + letters(n) + " investissent dans la communication.\\n\\n"
                        + "« Nous voulons toucher les clients là où ils sont », explique Jeanne Martin, directrice de Mobilis. "
                        + "Les agences suivent le mouvement et les annonceurs " + letters(n * 7 + 3) + " aussi.\"}";
            }
            // A real record (its text, title, metadata) under a new id; the run's word goes into the title.
            String record = records.get((int) (n % records.size()));
            record = record.replaceFirst("\"id\"\\s*:\\s*\"[^\"]*\"", "\"id\":\"" + id + "\"")
                    .replaceFirst("\"url\"\\s*:\\s*\"[^\"]*\"", "\"url\":\"https://soak.example/" + id + "\"")
                    .replaceFirst("\"title\"\\s*:\\s*\"", "\"title\":\"" + run + " ");
            if (!record.contains("\"id\":\"" + id + "\"")) record = "{\"id\":\"" + id + "\"," + record.substring(1);
            if (!record.contains("\"title\":\"" + run)) record = record.substring(0, record.length() - 1) + ",\"title\":\"" + run + "\"}";
            return record;
        }
    }
}
