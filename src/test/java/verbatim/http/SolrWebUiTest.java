package verbatim.http;

import verbatim.solr.LocalSolrCluster;
import verbatim.solr.SolrArticleIndex;
import verbatim.solr.SolrSearch;

import java.nio.file.Path;

/**
 * Every check of {@link WebUiTest}, the widget and the search page in Chromium, with the server on a
 * 2-shard × 2-replica collection of the local SolrCloud. Its screenshots go to {@code target/screenshots/solr/}.
 */
class SolrWebUiTest extends WebUiTest {

    @Override
    ApiFixture startApi(Path dir) throws Exception {
        SolrArticleIndex index = new SolrArticleIndex(LocalSolrCluster.shared().newCollection("webui"));
        return ApiFixture.start(index, new SolrSearch(index), ServerConfig.defaults(), () -> { });
    }

    @Override
    Path screenshots() {
        return SHOTS.resolve("solr");
    }
}
