package verbatim.analysis;

import verbatim.ingest.Article;

/**
 * Everything Verbatim works out about an article before it is indexed, by any backend: the
 * people and organisations it names and the quotes attributed to them.
 */
public final class ArticleAnalysis {

    public AnalysedArticle analyse(Article article) {
        return new AnalysedArticle(article, Mentions.NONE);
    }
}
