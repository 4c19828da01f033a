package verbatim.cli;

import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import verbatim.index.LuceneArticleIndex;
import verbatim.index.Migration;
import verbatim.solr.SolrArticleIndex;
import verbatim.solr.SolrConnection;
import verbatim.solr.SolrSetup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Copy every article of an embedded index into a SolrCloud collection, as stored: text, metadata, "
                + "speakers, companies and quotes, including the articles that came only through the API and are in no "
                + "corpus. Sent in batches of 200 with retries; articles already in the collection as they are skipped, so "
                + "a rerun finishes an interrupted migration. At the end the collection must hold every article of the "
                + "index, or the command fails naming the first that differ.",
                "",
                "Stop the server that holds the index first (or migrate a copy: 'verbatim restore' a backup into a "
                        + "spare folder). Create the collection with 'verbatim solr-init' before.",
                "  verbatim migrate --index index --backend solr --solr-zk zk1:2181/solr --collection verbatim", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the collection holds every article of the index", "1:the migration failed or the check found differences",
                "2:bad options"})
final class MigrateCommand implements Callable<Integer> {

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "${env:VERBATIM_INDEX:-index}",
            description = "The embedded index to copy from (default: ${DEFAULT-VALUE}; env VERBATIM_INDEX).")
    Path index;

    @Mixin
    BackendOptions backend;

    @Override
    public Integer call() {
        if (!backend.solr()) {
            System.err.println("verbatim migrate: the target is a SolrCloud collection: give --backend solr with --solr-zk or --solr-url");
            return 2;
        }
        if (!LuceneArticleIndex.exists(index)) {
            System.err.println("verbatim migrate: there is no index at " + index + " (set --index)");
            return 1;
        }
        SolrConnection solr;
        try {
            solr = backend.connect();
        } catch (IllegalArgumentException e) {
            System.err.println("verbatim migrate: " + e.getMessage());
            return 2;
        }
        try (SolrArticleIndex target = new SolrArticleIndex(solr)) {
            if (!SolrSetup.exists(solr)) {
                System.err.println("verbatim migrate: the cluster has no collection " + solr.collection()
                        + ": create it with 'verbatim solr-init' (same --solr-zk/--solr-url and --collection)");
                return 1;
            }
            try (LuceneArticleIndex source = LuceneArticleIndex.open(index)) {
                ProgressBar progress = new ProgressBar(System.err, System.console() != null);
                Migration.Summary summary = Migration.copy(source, target, new Migration.Listener() {
                    @Override
                    public void started(int articles) {
                        progress.started(String.format("Migrating %,d articles from %s to %s", articles, index, backend.describe(index)), articles);
                    }

                    @Override
                    public void progress(int done) {
                        progress.progress(done, done);
                    }
                });
                progress.finish();
                System.out.println(index + " -> " + solr.collection() + ": " + summary);
                return 0;
            }
        } catch (LuceneArticleIndex.IndexUnavailableException e) {
            System.err.println("verbatim migrate: " + (e.getCause() instanceof LockObtainFailedException
                    ? "index " + index + " is in use (a running 'verbatim serve' holds it): stop the server first" : e.getMessage()));
            return 1;
        } catch (IOException | RuntimeException e) {
            System.err.println("verbatim migrate: " + e.getMessage());
            return 1;
        }
    }
}
