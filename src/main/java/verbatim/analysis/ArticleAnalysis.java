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

    /**
     * {@code -Dverbatim.bench.noMentions=true}: every article gets no mentions, and everything else runs as usual. Only
     * for the ingest benchmark's baseline (bench/README, "Ingest"), so the same jar measures what extraction adds.
     */
    private static final boolean NO_MENTIONS = Boolean.getBoolean("verbatim.bench.noMentions");

    private final MentionExtractor mentions = new MentionExtractor();

    public AnalysedArticle analyse(Article article) {
        if (NO_MENTIONS) return new AnalysedArticle(article, Mentions.EMPTY);
        return new AnalysedArticle(article, mentions.extract(article.title(), article.text()));
    }
}
