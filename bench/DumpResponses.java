import verbatim.index.LuceneArticleIndex;
import verbatim.search.LuceneSearch;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every response of a query mix, in-process, as the server would write it but for {@code took_ms}: one line per
 * request ({@code path TAB json}). Two builds that give the same file answer the mix the same, scores included, so a
 * change made for speed can be shown not to change results:
 *
 * <pre>
 * java -cp BASE.jar:CLASSES DumpResponses --index DIR --queries queries.tsv --out base.txt
 * java -cp NEW.jar:CLASSES  DumpResponses --index DIR --queries queries.tsv --out new.txt
 * cmp base.txt new.txt
 * </pre>
 */
public class DumpResponses {
    private static final Pattern TOOK = Pattern.compile("\"took_ms\":\\d+,?");

    public static void main(String[] args) throws Exception {
        Path indexDir = null, queries = null, out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--index" -> indexDir = Path.of(args[++i]);
                case "--queries" -> queries = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (indexDir == null || queries == null || out == null) {
            System.err.println("usage: DumpResponses --index DIR --queries FILE --out FILE");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(queries, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        try (LuceneArticleIndex index = LuceneArticleIndex.open(indexDir);
             PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            LuceneSearch search = new LuceneSearch(index);
            search.suggest("a", 8); // waits for the completions to be built
            for (String line : lines) {
                String path = line.split("\t", 2)[1];
                String json;
                try {
                    json = LuceneFloor.JSON.writeValueAsString(LuceneFloor.call(search, path).run());
                } catch (Exception e) {
                    json = "ERROR " + e;
                }
                w.println(path + "\t" + TOOK.matcher(json).replaceFirst(""));
            }
        }
    }
}
