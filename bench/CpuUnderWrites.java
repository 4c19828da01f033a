import com.fasterxml.jackson.databind.ObjectMapper;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.ArticleAnalysis;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.ArticleReader;
import verbatim.search.LuceneSearch;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * CPU time per search while the index takes writes: what each new reader (one per commit) costs the searches, which
 * rebuild their per-reader caches. One thread replays the query mix in-process, as {@link CpuPerRequest} does, and
 * adds up its own CPU time; another writes corpus records at a steady rate and commits (which refreshes the readers)
 * no more often than every {@code --commit-interval-ms} (0: after every write, as the server did before its commit
 * interval). Thread CPU time hardly moves with the machine's other load, so two settings or builds can be compared.
 *
 * <pre>java -cp target/verbatim.jar:CLASSES CpuUnderWrites --index COPY --queries FILE --articles corpus.jsonl.gz
 *      [--write-rate 50] [--commit-interval-ms 200] [--seconds 60] [--label L]</pre>
 * The articles are written into the index under new ids: give it a copy.
 */
public class CpuUnderWrites {
    public static void main(String[] args) throws Exception {
        Path indexDir = null, queries = null, articles = null;
        double rate = 50, seconds = 60;
        long intervalMs = 200;
        String label = "writes";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--index" -> indexDir = Path.of(args[++i]);
                case "--queries" -> queries = Path.of(args[++i]);
                case "--articles" -> articles = Path.of(args[++i]);
                case "--write-rate" -> rate = Double.parseDouble(args[++i]);
                case "--commit-interval-ms" -> intervalMs = Long.parseLong(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--label" -> label = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (indexDir == null || queries == null || articles == null) {
            System.err.println("usage: CpuUnderWrites --index COPY --queries FILE --articles FILE.jsonl.gz [--write-rate R] "
                    + "[--commit-interval-ms MS] [--seconds S] [--label L]");
            System.exit(2);
        }
        List<String[]> requests = new ArrayList<>();
        for (String line : Files.readAllLines(queries)) requests.add(line.split("\t", 2));
        List<AnalysedArticle> toWrite = analysed(articles, (int) Math.ceil(rate * seconds) + 1);
        try (LuceneArticleIndex index = LuceneArticleIndex.open(indexDir)) {
            LuceneSearch search = new LuceneSearch(index);
            search.suggest("a", 8); // waits for the completions to be built
            for (String[] r : requests) LuceneFloor.call(search, r[1]).run(); // warm-up, before any write

            long start = System.nanoTime(), end = start + (long) (seconds * 1e9);
            long periodNanos = (long) (1e9 / rate);
            long[] commits = {0}, written = {0};
            long interval = intervalMs * 1_000_000;
            Thread writer = Thread.ofPlatform().name("writer").start(() -> {
                long lastCommit = 0;
                try {
                    for (int n = 0; n < toWrite.size(); n++) {
                        long due = start + n * periodNanos;
                        if (due >= end || System.nanoTime() >= end) break; // a writer behind its rate stops on time too
                        long wait = due - System.nanoTime();
                        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        index.upsert(toWrite.get(n));
                        written[0]++;
                        if (System.nanoTime() - lastCommit >= interval) {
                            lastCommit = System.nanoTime();
                            index.commit(); // and refreshes the searchers
                            commits[0]++;
                        }
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            CpuPerRequest.Tally tally = new CpuPerRequest.Tally();
            for (int i = 0; System.nanoTime() < end; i++) {
                String[] r = requests.get(i % requests.size());
                tally.run(r[0], LuceneFloor.call(search, r[1]));
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            writer.join();
            System.out.printf("%s: %d writes (%.0f/s asked), commit interval %d ms: %d commits in %.1f s (%.1f/s)%n", label,
                    written[0], rate, intervalMs, commits[0], elapsed, commits[0] / elapsed);
            tally.print(label);
        }
    }

    /** The first {@code count} records of the corpus with a text, analysed (not timed), under new ids. */
    private static List<AnalysedArticle> analysed(Path jsonl, int count) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ArticleReader reader = new ArticleReader(ArticleReader.DEFAULT_MAX_BYTES);
        ArticleAnalysis analysis = new ArticleAnalysis();
        List<AnalysedArticle> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(jsonl)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && out.size() < count) {
                var record = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(line);
                if (!record.hasNonNull("text")) continue;
                record.put("id", "cpuw-" + out.size());
                record.remove("url");
                out.add(analysis.analyse(reader.fromJson(record, "cpu-under-writes")));
            }
        }
        return out;
    }
}
