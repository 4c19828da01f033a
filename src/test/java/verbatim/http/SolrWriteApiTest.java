package verbatim.http;

import verbatim.solr.LocalSolrCluster;
import verbatim.solr.SolrArticleIndex;
import verbatim.solr.SolrSearch;

import java.nio.file.Path;

/** Every check of {@link WriteApiTest}, with the server on a 2-shard × 2-replica collection of the local SolrCloud. */
class SolrWriteApiTest extends WriteApiTest {

    @Override
    ApiFixture startApi(Path dir, ServerConfig config) throws Exception {
        SolrArticleIndex index = new SolrArticleIndex(LocalSolrCluster.shared().newCollection("writes"));
        return ApiFixture.start(index, new SolrSearch(index), config, () -> { });
    }
}
