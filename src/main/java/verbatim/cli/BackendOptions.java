package verbatim.cli;

import picocli.CommandLine.Option;
import verbatim.index.ArticleIndex;
import verbatim.index.LuceneArticleIndex;
import verbatim.solr.SolrArticleIndex;
import verbatim.solr.SolrConnection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Which engine holds the articles: the embedded Lucene index (the default) or a SolrCloud collection. */
final class BackendOptions {

    enum Backend { lucene, solr }

    @Option(names = "--backend", paramLabel = "ENGINE", defaultValue = "${env:VERBATIM_BACKEND:-lucene}",
            description = "lucene: the embedded index in --index; solr: a SolrCloud collection, reached with --solr-zk "
                    + "or --solr-url (default: ${DEFAULT-VALUE}; env VERBATIM_BACKEND).")
    Backend backend;

    @Option(names = "--solr-zk", paramLabel = "HOST:PORT[/CHROOT]", defaultValue = "${env:VERBATIM_SOLR_ZK}",
            description = "ZooKeeper of the SolrCloud cluster, to find its live nodes, e.g. zk1:2181,zk2:2181/solr "
                    + "(env VERBATIM_SOLR_ZK).")
    String solrZk;

    @Option(names = "--solr-url", paramLabel = "URL", split = ",", defaultValue = "${env:VERBATIM_SOLR_URL}",
            description = "Instead of --solr-zk: base URLs of some Solr nodes, comma-separated, e.g. "
                    + "http://solr1:8983/solr,http://solr2:8983/solr (env VERBATIM_SOLR_URL).")
    List<String> solrUrls;

    @Option(names = "--collection", paramLabel = "NAME", defaultValue = "${env:VERBATIM_SOLR_COLLECTION:-verbatim}",
            description = "The SolrCloud collection (default: ${DEFAULT-VALUE}; env VERBATIM_SOLR_COLLECTION).")
    String collection;

    boolean solr() {
        return backend == Backend.solr;
    }

    /** The collection's connection. @throws IllegalArgumentException when neither --solr-zk nor --solr-url is given */
    SolrConnection connect() {
        if (solrZk != null && !solrZk.isBlank()) return SolrConnection.ofZooKeeper(solrZk.strip(), collection);
        if (solrUrls != null && !solrUrls.isEmpty()) return SolrConnection.ofUrls(solrUrls, collection);
        throw new IllegalArgumentException("the solr backend needs --solr-zk HOST:PORT[/chroot] or --solr-url URL");
    }

    /** The index the options name: a Lucene index in {@code dir}, or the Solr collection. */
    ArticleIndex open(Path dir) throws IOException {
        return solr() ? new SolrArticleIndex(connect()) : LuceneArticleIndex.open(dir);
    }

    /** Where the articles are, for the operator. */
    String describe(Path dir) {
        if (!solr()) return "index " + dir.toAbsolutePath();
        return "Solr collection " + collection + " via " + (solrZk != null && !solrZk.isBlank() ? "ZooKeeper " + solrZk : String.join(",", solrUrls));
    }
}
