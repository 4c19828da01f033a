package verbatim.http;

import verbatim.solr.LocalSolrCluster;
import verbatim.solr.SolrArticleIndex;
import verbatim.solr.SolrConnection;
import verbatim.solr.SolrSearch;

import java.nio.file.Path;

/**
 * Every check of {@link SearchApiTest}, with the server on the SolrCloud backend: a collection of 2 shards × 2
 * replicas on the local 3-node cluster, filled by the same corpus sync and hand-written articles.
 */
class SolrSearchApiTest extends SearchApiTest {

    @Override
    ApiFixture startApi(Path dir) throws Exception {
        SolrConnection solr = LocalSolrCluster.shared().newCollection("api");
        SolrArticleIndex index = new SolrArticleIndex(solr);
        return ApiFixture.start(index, new SolrSearch(index), ServerConfig.defaults(), () -> { });
    }
}
