import com.fasterxml.jackson.databind.ObjectMapper;
import verbatim.analysis.ArticleAnalysis;
import verbatim.analysis.Mentions;
import verbatim.ingest.Article;
import verbatim.ingest.ArticleReader;
import verbatim.ingest.Problem;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What the mention extractor makes of the corpus, and what it costs: reads the articles as ingest does (cleaned),
 * runs {@link ArticleAnalysis} over them several times on one thread, prints the CPU time of each pass (the first
 * includes the JIT's warm-up: process CPU, so the compiler threads count) and a digest of the mentions; with
 * {@code --out} it writes one JSON line of mentions per article, to diff two builds' output.
 *
 * <pre>
 * java -cp target/verbatim.jar bench/MentionsCheck.java --corpus ../shared/corpus-fr/articles.jsonl.gz \
 *     [--limit 5000] [--passes 3] [--out /tmp/mentions.jsonl]
 * </pre>
 */
public class MentionsCheck {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of("../shared/corpus-fr/articles.jsonl.gz");
        int limit = Integer.MAX_VALUE;
        int passes = 3;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Article> articles = new ArrayList<>();
        int max = limit;
        new ArticleReader(ArticleReader.DEFAULT_MAX_BYTES).read(corpus, corpus.getFileName().toString(), new ArticleReader.Sink() {
            @Override
            public void article(Article article) {
                if (articles.size() < max) {
                    articles.add(article);
                }
            }

            @Override
            public void problem(Problem problem) {
            }
        });
        System.out.printf("%,d articles read from %s%n", articles.size(), corpus);

        ArticleAnalysis analysis = new ArticleAnalysis();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Mentions[] found = new Mentions[articles.size()];
        for (int pass = 1; pass <= passes; pass++) {
            long process = os.getProcessCpuTime();
            long thread = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < found.length; i++) {
                found[i] = analysis.analyse(articles.get(i)).mentions();
            }
            double threadMs = (threads.getCurrentThreadCpuTime() - thread) / 1e6;
            double processMs = (os.getProcessCpuTime() - process) / 1e6;
            System.out.printf("pass %d: extraction %.0f ms thread CPU (%.1f µs/article), %.0f ms process CPU%n",
                    pass, threadMs, threadMs * 1000 / found.length, processMs);
        }

        ObjectMapper json = new ObjectMapper();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        int speakers = 0, companies = 0, quotes = 0;
        try (BufferedWriter w = out == null ? null : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < found.length; i++) {
                String line = articles.get(i).id() + "\t" + json.writeValueAsString(found[i]) + "\n";
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                if (w != null) {
                    w.write(line);
                }
                speakers += found[i].speakers().size();
                companies += found[i].companies().size();
                quotes += found[i].quotes().size();
            }
        }
        System.out.printf("%,d speakers, %,d companies, %,d quotes; digest %s%n", speakers, companies, quotes,
                HexFormat.of().formatHex(digest.digest()).substring(0, 16));
    }
}
