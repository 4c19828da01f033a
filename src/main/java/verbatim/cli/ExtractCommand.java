package verbatim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.ArticleAnalysis;
import verbatim.http.ArticleJson;
import verbatim.ingest.Article;
import verbatim.ingest.ArticleReader;
import verbatim.ingest.Problem;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Print what the ingester makes of each article, as JSON Lines on stdout: source, id, title, "
                + "author, date, site, url, tags, lang, text, and what analysis finds: speakers, companies, quotes. A .jsonl file gives one line per record. "
                + "Problems go to stderr.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file gave articles", "1:some input was skipped (see stderr)"})
final class ExtractCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Article files (.html, .htm, .txt, .jsonl, .jsonl.gz).")
    List<Path> files;

    @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "" + ArticleReader.DEFAULT_MAX_BYTES,
            description = "Skip files (and JSONL records) larger than this (default: ${DEFAULT-VALUE} = 20 MB).")
    long maxFileBytes;

    @Override
    public Integer call() {
        ObjectMapper json = ArticleJson.MAPPER;
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        ArticleReader reader = new ArticleReader(maxFileBytes);
        ArticleAnalysis analysis = new ArticleAnalysis();
        int[] problems = {0};
        for (Path file : files) {
            String source = file.toString();
            if (!Files.isRegularFile(file)) {
                report(new Problem(source, Files.exists(file) ? "not a regular file" : "no such file"), problems);
            } else if (!ArticleReader.isArticleFile(file)) {
                report(new Problem(source, "unsupported file type (expected .html, .htm, .txt, .jsonl or .jsonl.gz)"), problems);
            } else {
                reader.read(file, source, new ArticleReader.Sink() {
                    @Override
                    public void article(Article article) {
                        try {
                            out.println(json.writeValueAsString(view(analysis.analyse(article))));
                        } catch (IOException e) {
                            throw new IllegalStateException("cannot write JSON", e);
                        }
                    }

                    @Override
                    public void problem(Problem problem) {
                        report(problem, problems);
                    }
                });
            }
        }
        out.flush();
        return problems[0] == 0 ? 0 : 1;
    }

    /** The article as the API shows it, led by the file it came from. */
    private static Map<String, Object> view(AnalysedArticle analysed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", analysed.article().source());
        m.putAll(ArticleJson.view(analysed));
        return m;
    }

    private static void report(Problem problem, int[] count) {
        count[0]++;
        System.err.println("skipped " + problem);
    }
}
