package verbatim.search;

import java.time.LocalDate;

/**
 * A quote in a list of results, with the article it comes from.
 *
 * @param snippet the quote with the query's matches in {@code <mark>}, HTML-escaped
 */
public record QuoteHit(String text, String speaker, String company, boolean indirect, String snippet, ArticleRef article) {

    /** Enough of an article to link to it. */
    public record ArticleRef(String id, String title, String url, LocalDate date, int start, int end) {
    }
}
