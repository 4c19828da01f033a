package verbatim.analysis;

import verbatim.ingest.Article;

/**
 * Everything Verbatim works out about an article before it is indexed, by any backend: the
 * people and organisations it names and the quotes attributed to them.
 *
 * <pre>{@code
 * AnalysedArticle analysed = new ArticleAnalysis().analyse(article);
 * analysed.mentions().quotes();  // who said what, with offsets into article.text()
 * }</pre>
 */
public final class ArticleAnalysis {

    private final MentionExtractor mentions = new MentionExtractor();

    public AnalysedArticle analyse(Article article) {
        return new AnalysedArticle(article, mentions.extract(article.title(), article.text()));
    }
}
