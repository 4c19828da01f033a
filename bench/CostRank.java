import verbatim.index.LuceneArticleIndex;
import verbatim.search.LuceneSearch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import verbatim.index.Schema;

/** Experiment: how well cheap cost features rank the searches' real CPU (Spearman). */
public class CostRank {
    public static void main(String[] args) throws Exception {
        Path indexDir = Path.of(args[0]), queries = Path.of(args[1]);
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String[]> requests = new ArrayList<>();
        for (String line : Files.readAllLines(queries)) {
            String[] r = line.split("\t", 2);
            if (!r[0].equals("suggest")) requests.add(r);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (LuceneArticleIndex index = LuceneArticleIndex.open(indexDir)) {
            LuceneSearch search = new LuceneSearch(index);
            List<LuceneFloor.Call> calls = new ArrayList<>();
            for (String[] r : requests) calls.add(LuceneFloor.call(search, r[1]));
            int n = requests.size();
            long[][] cpu = new long[passes][n];
            for (LuceneFloor.Call c : calls) c.run();
            for (int p = 0; p < passes; p++) {
                for (int i = 0; i < n; i++) {
                    long t = threads.getCurrentThreadCpuTime();
                    calls.get(i).run();
                    cpu[p][i] = threads.getCurrentThreadCpuTime() - t;
                }
            }
            double[] med = new double[n];
            for (int i = 0; i < n; i++) {
                long[] v = new long[passes];
                for (int p = 0; p < passes; p++) v[p] = cpu[p][i];
                Arrays.sort(v);
                med[i] = v[passes / 2];
            }
            long[][] f = new long[n][];
            for (int i = 0; i < n; i++) f[i] = features(search, requests.get(i)[1]);
            long t0 = threads.getCurrentThreadCpuTime();
            for (int p = 0; p < 3; p++) for (int i = 0; i < n; i++) features(search, requests.get(i)[1]);
            System.out.printf("features cost %.1f us/request%n", (threads.getCurrentThreadCpuTime() - t0) / 1e3 / (3 * n));
            try (var out = Files.newBufferedWriter(Path.of(args.length > 3 ? args[3] : "/tmp/costrank.tsv"))) {
                for (int i = 0; i < n; i++) {
                    StringBuilder b = new StringBuilder(requests.get(i)[0]).append('\t').append(med[i] / 1e6);
                    for (long x : f[i]) b.append('\t').append(x);
                    b.append('\t').append(requests.get(i)[1]);
                    out.write(b.append('\n').toString());
                }
            }
        }
    }

    static long[] features(LuceneSearch search, String pathAndQuery) throws Exception {
        int q = pathAndQuery.indexOf('?');
        String path = pathAndQuery.substring(0, q);
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : pathAndQuery.substring(q + 1).split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        String text = params.getOrDefault("q", List.of("")).get(0).strip();
        boolean quotes = path.equals("/api/quotes");
        return search.costFeatures(LuceneFloor.request(params, text, quotes ? LuceneFloor.QUOTE_FACETS : Schema.FACETS), quotes);
    }
}
