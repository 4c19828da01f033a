package verbatim.analysis;

import verbatim.ingest.Article;

import java.util.Objects;

/** An article with what analysis found in it: the unit the index stores. */
public record AnalysedArticle(Article article, Mentions mentions) {
    public AnalysedArticle {
        Objects.requireNonNull(article, "article");
        mentions = mentions == null ? Mentions.EMPTY : mentions;
    }
}
