package verbatim.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import verbatim.analysis.AnalysedArticle;
import verbatim.ingest.Article;

import java.util.LinkedHashMap;
import java.util.Map;

/** How Verbatim writes JSON, for the API and the command line alike. */
public final class ArticleJson {

    /** ISO dates, snake_case names ({@code took_ms}, {@code next_cursor}). */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private ArticleJson() {
    }

    /** An article as users see it: metadata, cleaned text, speakers, companies, quotes. */
    public static Map<String, Object> view(AnalysedArticle analysed) {
        Article a = analysed.article();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("title", a.title());
        m.put("author", a.author());
        m.put("date", a.date());
        m.put("site", a.site());
        m.put("url", a.url());
        m.put("tags", a.tags());
        m.put("lang", a.lang());
        m.put("text", a.text());
        m.put("speakers", analysed.mentions().speakers());
        m.put("companies", analysed.mentions().companies());
        m.put("quotes", analysed.mentions().quotes());
        return m;
    }
}
