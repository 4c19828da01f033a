package verbatim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import verbatim.index.ArticleIndex;
import verbatim.index.CorpusIndexer;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.ArticleReader;
import verbatim.ingest.Problem;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Index a corpus folder: new and changed articles are written, unchanged ones skipped, "
                + "articles whose file is gone removed. Files that cannot be read are reported and skipped; "
                + "the rest goes in. Safe to interrupt: a rerun completes the job.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the index matches the corpus (skipped files are reported)", "1:the index could not be written"})
final class IndexCommand implements Callable<Integer> {

    @Mixin
    CorpusOptions options;

    @Mixin
    BackendOptions backend;

    @Option(names = "--rebuild", description = "Rewrite every article, even unchanged ones (after an upgrade of the analysis).")
    boolean rebuild;

    @Override
    public Integer call() {
        try (ArticleIndex index = backend.open(options.index)) {
            CorpusIndexer.Summary summary = run(index, options, rebuild);
            return summary == null ? 1 : 0;
        } catch (IllegalArgumentException e) {
            System.err.println("verbatim index: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("verbatim index: " + e.getMessage());
            return 1;
        }
    }

    /** Syncs the corpus into the open index, with progress on stderr and a summary line on stdout. */
    static CorpusIndexer.Summary run(ArticleIndex index, CorpusOptions options, boolean rebuild) throws IOException {
        return run(index, options, rebuild, p -> { });
    }

    /** The same, telling {@code onProblem} too of every file or record skipped (serve counts them in its metrics). */
    static CorpusIndexer.Summary run(ArticleIndex index, CorpusOptions options, boolean rebuild, Consumer<Problem> onProblem)
            throws IOException {
        ProgressBar progress = new ProgressBar(System.err, System.console() != null);
        CorpusIndexer.Listener listener = new CorpusIndexer.Listener() {
            @Override
            public void started(int files, long totalBytes) {
                progress.started(files, totalBytes);
            }

            @Override
            public void progress(long bytesDone, int articles) {
                progress.progress(bytesDone, articles);
            }

            @Override
            public void problem(Problem problem) {
                onProblem.accept(problem);
                progress.problem(problem);
            }
        };
        CorpusIndexer indexer = new CorpusIndexer(index, new ArticleReader(options.maxFileBytes), listener);
        try {
            CorpusIndexer.Summary summary = indexer.sync(options.corpus, rebuild);
            if (index instanceof LuceneArticleIndex lucene) lucene.finishMerges(); // else every open of the index, serve included, redoes them
            progress.finish();
            double seconds = Math.max(0.001, summary.millis() / 1000.0);
            System.out.printf("%s: %s (%,.0f articles/s, %.1f MB/s)%n", options.corpus, summary,
                    (summary.indexed() + summary.unchanged()) / seconds, summary.bytes() / 1e6 / seconds);
            return summary;
        } finally {
            progress.finish();
        }
    }
}
