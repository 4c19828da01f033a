import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.MentionExtractor;
import verbatim.analysis.Mentions;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.Article;
import verbatim.ingest.ArticleReader;
import verbatim.ingest.Problem;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What indexing the mentions costs Lucene, apart from finding them: reads and cleans the first articles of the corpus,
 * extracts their mentions once, then indexes the same articles into fresh temp indexes on one thread (upsert each,
 * commit, wait for merges) with all their mentions, none, only the entities, or only the quotes, interleaved, several
 * passes. Prints the CPU of each (this thread: building and inverting the documents, and the flush at commit; process:
 * merges and the JIT too). Compare the last passes: the first ones pay the JIT.
 *
 * <pre>
 * java -cp target/verbatim.jar bench/IndexCost.java --corpus ../shared/corpus-fr/articles.jsonl.gz [--limit 8000] [--passes 4]
 * </pre>
 */
public class IndexCost {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of("../shared/corpus-fr/articles.jsonl.gz");
        int limit = 8000;
        int passes = 4;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Article> articles = read(corpus, limit);
        MentionExtractor extractor = new MentionExtractor();
        List<AnalysedArticle> analysed = new ArrayList<>();
        for (Article a : articles) analysed.add(new AnalysedArticle(a, extractor.extract(a.title(), a.text())));
        System.out.printf("%,d articles, %,d quotes%n", articles.size(),
                analysed.stream().mapToInt(a -> a.mentions().quotes().size()).sum());

        Map<String, Function<Mentions, Mentions>> modes = new java.util.LinkedHashMap<>();
        modes.put("none", m -> Mentions.EMPTY);
        modes.put("entities", m -> new Mentions(m.speakers(), m.companies(), List.of()));
        modes.put("quotes", m -> new Mentions(List.of(), List.of(), m.quotes()));
        modes.put("all", m -> m);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int pass = 1; pass <= passes; pass++) {
            StringBuilder line = new StringBuilder("pass " + pass + ":");
            for (var mode : modes.entrySet()) {
                List<AnalysedArticle> input = analysed.stream()
                        .map(a -> new AnalysedArticle(a.article(), mode.getValue().apply(a.mentions()))).toList();
                Path dir = Files.createTempDirectory("indexcost");
                long process = os.getProcessCpuTime();
                long thread = threads.getCurrentThreadCpuTime();
                try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
                    for (AnalysedArticle a : input) index.upsert(a);
                    index.commit(Map.of());
                    index.finishMerges();
                }
                double threadMs = (threads.getCurrentThreadCpuTime() - thread) / 1e6;
                double processMs = (os.getProcessCpuTime() - process) / 1e6;
                line.append(String.format("  %s %.0f µs/article (process %.0f)", mode.getKey(),
                        threadMs * 1000 / input.size(), processMs * 1000 / input.size()));
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            System.out.println(line);
        }
    }

    private static List<Article> read(Path corpus, int limit) {
        List<Article> articles = new ArrayList<>();
        new ArticleReader(ArticleReader.DEFAULT_MAX_BYTES).read(corpus, corpus.getFileName().toString(), new ArticleReader.Sink() {
            @Override
            public void article(Article article) {
                if (articles.size() < limit) articles.add(article);
            }

            @Override
            public void problem(Problem problem) {
            }
        });
        return articles;
    }
}
