import verbatim.index.LuceneArticleIndex;
import verbatim.index.Schema;
import verbatim.search.LuceneSearch;
import verbatim.search.SearchRequest;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well the cost a search is guessed at before it runs ({@code LuceneSearch.articlesCost} / {@code quotesCost}, what
 * the server lets waiting searches in by) ranks what the searches of a queries.tsv really cost: each search's thread CPU
 * time (the median of {@code passes} replays, in-process, one thread), then Spearman's rank correlation between the
 * two, over all searches and by category, and what the guess itself costs.
 *
 * <pre>java -cp target/verbatim.jar:CLASSES CostRank --index DIR --queries FILE [--passes 3] [--tsv OUT]</pre>
 * {@code --tsv} writes category, CPU ms, guess and URL per search (suggestions are left out: they never wait).
 */
public class CostRank {
    public static void main(String[] args) throws Exception {
        Path indexDir = null, queries = null, tsv = null;
        int passes = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--index" -> indexDir = Path.of(args[++i]);
                case "--queries" -> queries = Path.of(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--tsv" -> tsv = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (indexDir == null || queries == null) {
            System.err.println("usage: CostRank --index DIR --queries FILE [--passes N] [--tsv OUT]");
            System.exit(2);
        }
        List<String[]> searches = new ArrayList<>();
        for (String line : Files.readAllLines(queries)) {
            String[] r = line.split("\t", 2);
            if (!r[0].equals("suggest")) searches.add(r);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (LuceneArticleIndex index = LuceneArticleIndex.open(indexDir)) {
            LuceneSearch search = new LuceneSearch(index);
            int n = searches.size();
            List<LuceneFloor.Call> calls = new ArrayList<>();
            List<Guess> guesses = new ArrayList<>();
            for (String[] r : searches) {
                calls.add(LuceneFloor.call(search, r[1]));
                guesses.add(guess(search, r[1]));
            }
            for (LuceneFloor.Call c : calls) c.run(); // warm-up
            long[][] cpu = new long[n][passes];
            for (int p = 0; p < passes; p++) {
                for (int i = 0; i < n; i++) {
                    long t = threads.getCurrentThreadCpuTime();
                    calls.get(i).run();
                    cpu[i][p] = threads.getCurrentThreadCpuTime() - t;
                }
            }
            double[] spent = new double[n];
            double[] guessed = new double[n];
            for (int i = 0; i < n; i++) {
                Arrays.sort(cpu[i]);
                spent[i] = cpu[i][passes / 2] / 1e6;
                guessed[i] = guesses.get(i).cost();
            }
            long before = threads.getCurrentThreadCpuTime();
            for (int p = 0; p < passes; p++) for (Guess g : guesses) g.cost();
            double guessMicros = (threads.getCurrentThreadCpuTime() - before) / 1e3 / (passes * n);

            Map<String, List<Integer>> byCategory = new TreeMap<>();
            for (int i = 0; i < n; i++) byCategory.computeIfAbsent(searches.get(i)[0], k -> new ArrayList<>()).add(i);
            System.out.printf("%-8s %8s %10s %10s %10s%n", "category", "searches", "CPU ms", "guess", "spearman");
            for (Map.Entry<String, List<Integer>> e : byCategory.entrySet()) {
                int[] idx = e.getValue().stream().mapToInt(Integer::intValue).toArray();
                double[] s = Arrays.stream(idx).mapToDouble(i -> spent[i]).toArray();
                double[] g = Arrays.stream(idx).mapToDouble(i -> guessed[i]).toArray();
                System.out.printf("%-8s %8d %10.3f %10.0f %10.3f%n", e.getKey(), idx.length, mean(s), mean(g), spearman(g, s));
            }
            // The same over all searches, and for comparison a guess that knows only each search's category (its mean CPU).
            double[] categoryMean = new double[n];
            for (List<Integer> idx : byCategory.values()) {
                double m = idx.stream().mapToDouble(i -> spent[i]).average().orElse(0);
                for (int i : idx) categoryMean[i] = m;
            }
            System.out.printf("%-8s %8d %10.3f %10.0f %10.3f%n", "ALL", n, mean(spent), mean(guessed), spearman(guessed, spent));
            System.out.printf("a guess by category alone (its mean CPU): spearman %.3f%n", spearman(categoryMean, spent));
            System.out.printf("the guess itself: %.1f us of CPU per search%n", guessMicros);
            if (tsv != null) {
                try (BufferedWriter out = Files.newBufferedWriter(tsv)) {
                    for (int i = 0; i < n; i++) {
                        out.write(searches.get(i)[0] + "\t" + spent[i] + "\t" + (long) guessed[i] + "\t" + searches.get(i)[1] + "\n");
                    }
                }
            }
        }
    }

    interface Guess {
        long cost() throws Exception;
    }

    /** The guess for a URL of the mix, its request read as LuceneFloor reads it. */
    static Guess guess(LuceneSearch search, String pathAndQuery) {
        String path = LuceneFloor.path(pathAndQuery);
        Map<String, List<String>> params = LuceneFloor.params(pathAndQuery);
        String text = params.getOrDefault("q", List.of("")).getFirst().strip();
        if (path.equals("/api/quotes")) {
            SearchRequest r = LuceneFloor.request(params, text, LuceneFloor.QUOTE_FACETS);
            return () -> search.quotesCost(r);
        }
        SearchRequest r = LuceneFloor.request(params, text, Schema.FACETS);
        return () -> search.articlesCost(r);
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(0);
    }

    /** Spearman's rank correlation: Pearson's over the ranks, ties given their mean rank. */
    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a), rb = ranks(b);
        double ma = mean(ra), mb = mean(rb), cov = 0, va = 0, vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (ra[i] - ma) * (rb[i] - mb);
            va += (ra[i] - ma) * (ra[i] - ma);
            vb += (rb[i] - mb) * (rb[i] - mb);
        }
        return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
    }

    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
        double[] rank = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) j++;
            for (int k = i; k <= j; k++) rank[order[k]] = (i + j) / 2.0;
            i = j + 1;
        }
        return rank;
    }
}
