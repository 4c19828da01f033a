package verbatim.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Placeholder until the main-content extractor lands: whole body text. */
public final class HtmlCleaner {
    public CleanedPage clean(String html, String baseUri) {
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        return new CleanedPage(doc.title().isBlank() ? null : doc.title(), null, null, null, null, null, null,
                doc.body() == null ? "" : doc.body().text());
    }
}
