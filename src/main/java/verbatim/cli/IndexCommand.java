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

    @Option(names = "--no-merge", description = "After a run that built or rebuilt the index, leave its segments as they are "
            + "instead of merging them into one (which makes each search cheaper, and takes a while on a large index).")
    boolean noMerge;

    /** What a bulk load is merged down to: one segment searched, one term lookup per term, no ordinal mapping. */
    static final int BULK_LOAD_SEGMENTS = 1;

    @Override
    public Integer call() {
        try (ArticleIndex index = backend.open(options.index)) {
            CorpusIndexer.Summary summary = run(index, options, rebuild, !noMerge, p -> { });
            return summary == null ? 1 : 0;
        } catch (IllegalArgumentException e) {
            System.err.println("verbatim index: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("verbatim index: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Syncs the corpus into the open index, with progress on stderr and a summary line on stdout, telling
     * {@code onProblem} too of every file or record skipped (serve counts them in its metrics). A run that built the
     * index or rebuilt it is a bulk load: with {@code merge}, its segments are then merged into
     * {@link #BULK_LOAD_SEGMENTS}, as search engines advise after one; a run that only brought in what changed
     * leaves them to Lucene's merge policy.
     */
    static CorpusIndexer.Summary run(ArticleIndex index, CorpusOptions options, boolean rebuild, boolean merge,
                                     Consumer<Problem> onProblem) throws IOException {
        boolean bulk = rebuild || index.count() == 0;
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
            if (merge && bulk && summary.indexed() > 0 && index instanceof LuceneArticleIndex lucene) mergeDown(lucene, progress);
            double seconds = Math.max(0.001, summary.millis() / 1000.0);
            System.out.printf("%s: %s (%,.0f articles/s, %.1f MB/s)%n", options.corpus, summary,
                    (summary.indexed() + summary.unchanged()) / seconds, summary.bytes() / 1e6 / seconds);
            return summary;
        } finally {
            progress.finish();
        }
    }

    private static void mergeDown(LuceneArticleIndex index, ProgressBar progress) throws IOException {
        int before = index.segments();
        if (before <= BULK_LOAD_SEGMENTS) return;
        long start = System.nanoTime();
        progress.timed(String.format("Merging %d segments into %d (--no-merge skips this)", before, BULK_LOAD_SEGMENTS),
                () -> index.forceMerge(BULK_LOAD_SEGMENTS));
        System.err.printf("Merged %d segments into %d in %.1f s%n", before, index.segments(), (System.nanoTime() - start) / 1e9);
    }
}
