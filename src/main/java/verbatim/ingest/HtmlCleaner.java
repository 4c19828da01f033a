package verbatim.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns a web page into its article: the main text without the furniture around it, plus the metadata
 * the page declares about itself.
 *
 * <pre>{@code
 * CleanedPage page = new HtmlCleaner().clean(html, "https://example.org/2024/05/article.html");
 * page.title();   // "Le titre"          (og:title, JSON-LD headline, h1, <title> minus " | Site")
 * page.date();    // 2024-05-02           (article:published_time, JSON-LD, <time datetime>, meta date)
 * page.text();    // "Premier paragraphe…\n\nDeuxième paragraphe…"
 * }</pre>
 *
 * <p>The text keeps paragraphs, headings, list items and block quotes, one block per paragraph separated
 * by a blank line, whitespace collapsed inside a block. It drops navigation, headers and footers,
 * sidebars, cookie and newsletter banners, share widgets, comment sections and forms, related-post
 * lists, author boxes, captions and scripts. The main block is the page's declared article body
 * ({@code itemprop=articleBody}, common CMS classes) when it has one, else the block that wins on
 * text and link density, so pages without any markup hints still work.
 *
 * <p>The input is decoded text; charset detection happens before. {@link #clean} never throws: on input
 * it cannot make sense of it returns a page with empty text. Instances are stateless and thread-safe.
 */
public final class HtmlCleaner {

    /**
     * Extracts the article and its metadata.
     *
     * @param html    the decoded page; null, empty or garbage gives empty text
     * @param baseUri where the page came from, to resolve relative links and as the fallback URL; may be null
     * @return the cleaned page, never null
     */
    public CleanedPage clean(String html, String baseUri) {
        String base = baseUri == null ? "" : baseUri;
        if (html == null || html.isBlank()) {
            return new CleanedPage(null, null, null, null, PageMetadata.blankToNull(base), null, null, "");
        }
        PageMetadata meta = null;
        try {
            Document doc = Jsoup.parse(html, base);
            meta = PageMetadata.read(doc, base);
            String text = MainContent.extract(doc, meta.title);
            return new CleanedPage(meta.title, meta.author, meta.date, meta.site, meta.url, meta.tags, meta.lang, text);
        } catch (RuntimeException | StackOverflowError e) {
            // A page we cannot read is an empty page, not a failed ingest run.
            if (meta != null) {
                return new CleanedPage(meta.title, meta.author, meta.date, meta.site, meta.url, meta.tags, meta.lang, "");
            }
            return new CleanedPage(null, null, null, null, PageMetadata.blankToNull(base), null, null, "");
        }
    }
}
