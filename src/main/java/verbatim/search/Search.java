package verbatim.search;

import verbatim.analysis.AnalysedArticle;

import java.io.IOException;
import java.util.List;

/**
 * What Verbatim's users can ask of an index. The HTTP API sees only this, so another engine can
 * stand behind it.
 */
public interface Search {

    /** Articles matching the request, with facets and highlighted passages. */
    SearchResponse<Hit> articles(SearchRequest request) throws IOException;

    /** Quotes matching the request (filters {@code speaker} and {@code company}), with their articles. */
    SearchResponse<QuoteHit> quotes(SearchRequest request) throws IOException;

    /**
     * A guess at the CPU {@link #articles} will spend on this request, made without running it and in a small
     * fraction of that time: a server asked to ({@code serve --search-order cheapest}) lets waiting searches in
     * cheapest first. In microseconds, roughly; only the order matters. An engine that cannot tell answers the same
     * for every request (this default), and waiting searches are then served in arrival order.
     */
    default long articlesCost(SearchRequest request) throws IOException {
        return 0;
    }

    /** The same guess for {@link #quotes}. */
    default long quotesCost(SearchRequest request) throws IOException {
        return 0;
    }

    /** Up to {@code count} completions of what has been typed so far. */
    List<Suggestion> suggest(String prefix, int count) throws IOException;

    /** One article, or null. */
    AnalysedArticle article(String id) throws IOException;

    /** Articles like the one with this id (none when it does not exist). */
    List<Hit> similar(String id, int count) throws IOException;
}
