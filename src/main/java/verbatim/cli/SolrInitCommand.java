package verbatim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import verbatim.solr.SolrConnection;
import verbatim.solr.SolrSetup;

import java.io.IOException;
import java.util.concurrent.Callable;

@Command(name = "solr-init", mixinStandardHelpOptions = true,
        description = {"Put Verbatim's configset (schema, French analysis, settings) into a SolrCloud cluster and create "
                + "the collection; on an existing collection, update the configset and reload it (its shards stay).", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the collection is ready", "1:the cluster refused or could not be reached", "2:bad options"})
final class SolrInitCommand implements Callable<Integer> {

    @Mixin
    BackendOptions backend;

    @Option(names = "--shards", paramLabel = "N", defaultValue = "2", description = "Shards of a new collection (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "2",
            description = "Copies of each shard, on different nodes (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Override
    public Integer call() {
        if (shards < 1 || replicas < 1) {
            System.err.println("verbatim solr-init: --shards and --replicas must be at least 1");
            return 2;
        }
        SolrConnection solr;
        try {
            solr = backend.connect();
        } catch (IllegalArgumentException e) {
            System.err.println("verbatim solr-init: " + e.getMessage());
            return 2;
        }
        try (solr) {
            SolrSetup.Outcome outcome = SolrSetup.init(solr, shards, replicas);
            System.out.println(outcome.created()
                    ? "Created collection " + outcome.collection() + " (" + shards + " shards x " + replicas + " replicas) with configset " + outcome.configSet()
                    : "Updated configset " + outcome.configSet() + " and reloaded collection " + outcome.collection());
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("verbatim solr-init: " + e.getMessage());
            return 1;
        }
    }
}
