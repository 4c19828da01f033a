import com.fasterxml.jackson.databind.ObjectMapper;
import verbatim.analysis.MentionExtractor;
import verbatim.analysis.Mentions;
import verbatim.ingest.Article;
import verbatim.ingest.ArticleReader;
import verbatim.ingest.Problem;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
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
 * runs the {@link MentionExtractor} over them several times on one thread, prints the CPU time of each pass (the first
 * includes the JIT's warm-up: process CPU, so the compiler threads count) and a digest of the mentions; with
 * {@code --out} it writes one JSON line of mentions per article, to diff two builds' output. Cleaning the corpus
 * takes longer than extracting from it: {@code --cache} keeps the cleaned titles and texts in a file (outside the
 * repository) and reads them from there on the next run.
 *
 * <pre>
 * java -cp target/verbatim.jar bench/MentionsCheck.java --corpus ../shared/corpus-fr/articles.jsonl.gz \
 *     [--cache /tmp/corpus-fr.cleaned] [--limit 5000] [--passes 3] [--out /tmp/mentions.jsonl]
 * </pre>
 */
public class MentionsCheck {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of("../shared/corpus-fr/articles.jsonl.gz");
        int limit = Integer.MAX_VALUE;
        int passes = 3;
        Path out = null;
        Path cache = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--cache" -> cache = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String[]> articles = cache != null && Files.exists(cache) ? readCache(cache, limit) : read(corpus, limit);
        if (cache != null && !Files.exists(cache)) {
            writeCache(cache, articles);
        }
        System.out.printf("%,d articles read from %s%n", articles.size(), cache != null ? cache : corpus);

        System.out.println(compilerCpu() + " (before extracting)");
        MentionExtractor extractor = new MentionExtractor();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Mentions[] found = new Mentions[articles.size()];
        for (int pass = 1; pass <= passes; pass++) {
            long process = os.getProcessCpuTime();
            long thread = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < found.length; i++) {
                String[] a = articles.get(i);
                found[i] = extractor.extract(a[1], a[2]);
            }
            double threadMs = (threads.getCurrentThreadCpuTime() - thread) / 1e6;
            double processMs = (os.getProcessCpuTime() - process) / 1e6;
            System.out.printf("pass %d: extraction %.0f ms thread CPU (%.1f µs/article), %.0f ms process CPU%n",
                    pass, threadMs, threadMs * 1000 / found.length, processMs);
        }

        System.out.println(compilerCpu());

        ObjectMapper json = new ObjectMapper();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        int speakers = 0, companies = 0, quotes = 0;
        try (BufferedWriter w = out == null ? null : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < found.length; i++) {
                String line = articles.get(i)[0] + "\t" + json.writeValueAsString(found[i]) + "\n";
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

    /** {id, title, text} of each article, cleaned as ingest cleans it. */
    private static List<String[]> read(Path corpus, int limit) {
        List<String[]> articles = new ArrayList<>();
        new ArticleReader(ArticleReader.DEFAULT_MAX_BYTES).read(corpus, corpus.getFileName().toString(), new ArticleReader.Sink() {
            @Override
            public void article(Article article) {
                if (articles.size() < limit) {
                    articles.add(new String[]{article.id(), article.title(), article.text()});
                }
            }

            @Override
            public void problem(Problem problem) {
            }
        });
        return articles;
    }

    private static void writeCache(Path cache, List<String[]> articles) throws Exception {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
            for (String[] a : articles) {
                for (String s : a) {
                    byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
                    out.writeInt(b.length);
                    out.write(b);
                }
            }
        }
    }

    private static List<String[]> readCache(Path cache, int limit) throws Exception {
        List<String[]> articles = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
            while (articles.size() < limit) {
                String[] a = new String[3];
                try {
                    for (int k = 0; k < 3; k++) {
                        a[k] = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
                    }
                } catch (EOFException end) {
                    break;
                }
                articles.add(a);
            }
        }
        return articles;
    }

    /** CPU seconds of the JIT's compiler threads so far, from /proc (Linux); what a cold pass pays beyond its own thread. */
    private static String compilerCpu() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return "JIT compiler threads: unknown (no /proc)";
        }
        double c1 = 0, c2 = 0;
        try (var dirs = Files.list(tasks)) {
            for (Path task : dirs.toList()) {
                try {
                    String comm = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime + stime, USER_HZ
                    if (comm.startsWith("C1 Compiler")) {
                        c1 += seconds;
                    } else if (comm.startsWith("C2 Compiler")) {
                        c2 += seconds;
                    }
                } catch (Exception gone) {
                    // a thread that ended meanwhile
                }
            }
        } catch (Exception e) {
            return "JIT compiler threads: unknown (" + e + ")";
        }
        return String.format("JIT compiler threads so far: C2 %.1f s, C1 %.1f s CPU", c2, c1);
    }
}
