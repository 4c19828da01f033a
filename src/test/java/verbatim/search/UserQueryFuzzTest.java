package verbatim.search;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import verbatim.analysis.ArticleAnalysis;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.Article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzzes the query language: whatever is typed, {@link UserQuery#parse} gives a query that runs on a real index,
 * fast. The one documented bad-input error is {@link IndexSearcher.TooManyClauses} (the API answers 400).
 * Tries: {@code jqwik.tries.default} (src/test/resources/junit-platform.properties; README, "Fuzzing").
 */
class UserQueryFuzzTest {

    /** Generous: a query on this tiny index takes milliseconds. */
    private static final Duration PER_INPUT = Duration.ofSeconds(10);

    /** verbatim.http.SearchParams.MAX_QUERY_CHARS: longer queries never reach the search. */
    private static final int API_MAX_QUERY_CHARS = 2_000;

    private static Path dir;
    private static LuceneArticleIndex index;
    private static LuceneSearch search;

    @BeforeContainer
    static void index() throws IOException {
        dir = Files.createTempDirectory("verbatim-fuzz-index");
        index = LuceneArticleIndex.open(dir);
        ArticleAnalysis analysis = new ArticleAnalysis();
        List<Article> articles = List.of(
                article("f1", "Le zorbaxium change le commerce", "2021-03-01", List.of("retail", "marque"),
                        "Le zorbaxium industriel arrive dans les magasins. Chaque marque veut sa part du marché.\n\n"
                                + "« Le zorbaxium va transformer la distribution », explique Jeanne Martin, directrice de Mobilis."),
                article("f2", "Le prix du zorbaxium", "2022-05-10", List.of("retail"),
                        "Le prix du zorbaxium a doublé cette année dans les rayons à 10:30.\n\n"
                                + "« Nous ne pouvons plus suivre la hausse », affirme Paul Durand, directeur de Carrefix."),
                article("f3", "L’engagement, aujourd'hui", "2023-01-15", List.of("luxe"),
                        "Les maisons de luxe découvrent l’engagement numérique 😀 et l'e\u0301ve\u0301nement.\n\n"
                                + "« C'est un matériau noble », explique Jeanne Martin, directrice de Mobilis."));
        for (Article a : articles) index.upsert(analysis.analyse(a));
        index.commit();
        search = new LuceneSearch(index);
    }

    @AfterContainer
    static void close() throws IOException {
        if (index != null) index.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Article article(String id, String title, String date, List<String> tags, String text) {
        return new Article(id, "fuzz/" + id, "https://example.org/" + id, title, "Rédaction", LocalDate.parse(date),
                "example.org", tags, "fr", text);
    }

    @Property
    void anyStringParsesAndRuns(@ForAll("queries") String text) {
        assertTimeoutPreemptively(PER_INPUT, () -> {
            try {
                Query articles = UserQuery.parse(text, LuceneSearch.ARTICLE_FIELDS);
                Query quotes = UserQuery.parse(text, LuceneSearch.QUOTE_FIELDS);
                assertNotNull(articles);
                assertNotNull(quotes);
                index.withSearcher(s -> {
                    s.search(articles, 10);
                    s.count(quotes);
                    return null;
                });
            } catch (IndexSearcher.TooManyClauses documented) {
                // the API's 400
            }
        }, () -> "query: " + show(text));
    }

    /**
     * The whole search path the API takes: parse, run, facets, highlighting, spelling suggestions; for queries
     * within the API's bound ({@code SearchParams.MAX_QUERY_CHARS}; longer ones are a 400). Its cost grows faster
     * than the query's length (operator soup: 0.3 s at 2,000 characters, 1.2 s at 4,000, over 10 s at 18,000),
     * which is what the bound is for.
     */
    @Property
    void anyStringSearches(@ForAll("apiQueries") String text) {
        assertTimeoutPreemptively(PER_INPUT, () -> {
            try {
                assertNotNull(search.articles(SearchRequest.of(text)));
                assertNotNull(search.quotes(SearchRequest.of(text)));
            } catch (IndexSearcher.TooManyClauses documented) {
                // the API's 400
            }
        }, () -> "query: " + show(text));
    }

    /** Pieces of the query language and of what people paste: words, operators, fields, odd Unicode, controls. */
    private static final List<String> TOKENS = List.of(
            "zorbaxium", "le", "la", "marque", "Jeanne", "Martin", "jeanne martin", "engagement", "l'", "l’", "aujourd'hui",
            "\"", "+", "-", "|", "||", "&", "&&", "(", ")", "*", "~", "~2", "~99999999999", ":", "\\", "^", "^10", "?",
            "{", "}", "[", "]", " ", "  ", "\t", "\n", "OR", "AND", "NOT", "speaker:", "company:", "tag:", "site:", "year:",
            "title:", "author:", "unknown:", "speaker:\"", "title:\"", "-title:", "-speaker:", "10:30", "2022", "0",
            "😀", "👩‍💻", "\uD83D", "\uDE00", "\u0000", "\u0007", "\u001B[31m", "\u200B", "\u200D", "\uFEFF", "\u202E",
            "\u0301", "e\u0301", "\u0130", "ǅ", "ﬁ", "𝔘𝔫𝔦", "日本語", "مرحبا", "%00", "<script>", "${jndi:x}", "../");

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> glued = Arbitraries.of(TOKENS).list().ofMaxSize(80).map(l -> String.join("", l));
        Arbitrary<String> spaced = Arbitraries.of(TOKENS).list().ofMaxSize(80).map(l -> String.join(" ", l));
        Arbitrary<String> hugeWords = Arbitraries.of(TOKENS).list().ofMinSize(300).ofMaxSize(3_000).map(l -> String.join(" ", l));
        Arbitrary<String> hugeOperators = Arbitraries.strings().withChars("\"+-|()*~:\\ aOR\u0000").ofMinLength(1_000).ofMaxLength(20_000);
        return Arbitraries.frequencyOf(Tuple.of(3, any), Tuple.of(4, glued), Tuple.of(4, spaced),
                Tuple.of(1, hugeWords), Tuple.of(1, hugeOperators));
    }

    /**
     * Every search request the API lets through ({@code SearchParams}: page 1 to 2^31 - 1, size 1 to 100, up to 50
     * filter values of up to 300 characters, any dates, a cursor of up to 1,000 characters) gives results or an
     * {@link IllegalArgumentException} (the API's 400), never anything else.
     */
    @Property
    void anyRequestTheApiAdmits(@ForAll("requests") SearchRequest request) {
        assertTimeoutPreemptively(PER_INPUT, () -> {
            boolean tooDeep = request.cursor() == null
                    && (long) (request.page() - 1) * request.size() + request.size() > LuceneSearch.MAX_PAGE_DEPTH;
            for (boolean quotes : new boolean[]{false, true}) {
                try {
                    assertNotNull(quotes ? search.quotes(request) : search.articles(request));
                    assertFalse(tooDeep, "a page deeper than " + LuceneSearch.MAX_PAGE_DEPTH + " hits must be refused");
                } catch (IndexSearcher.TooManyClauses documented) {
                    // the API's 400
                } catch (IllegalArgumentException documented) {
                    // the API's 400, so its message is what the client reads: ours, not Lucene's
                    assertTrue(documented.getMessage() != null && documented.getMessage().matches("(?s)(page|cursor) .*"),
                            "message: " + documented.getMessage());
                }
            }
        }, () -> "request: " + request);
    }

    @Provide
    Arbitrary<SearchRequest> requests() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("Jeanne Martin", "jeanne martin", "Mobilis", "retail",
                "example.org", "2022", "*", "\u00A0x", "\u0000x"), Arbitraries.strings().all().ofMaxLength(300))
                // as SearchParams hands them on: control characters made spaces, stripped, blanks dropped
                .map(v -> v.replaceAll("[\\p{Cc}\\p{Cf}&&[^\\u200D]]", " ").strip()).filter(v -> !v.isBlank());
        Arbitrary<java.util.Map<String, List<String>>> filters = Arbitraries.maps(
                Arbitraries.of("speaker", "company", "tag", "site", "year"), value.list().ofMinSize(1).ofMaxSize(10)).ofMaxSize(5);
        Arbitrary<LocalDate> date = Arbitraries.oneOf(
                Arbitraries.integers().between(1900, 2100).map(y -> LocalDate.of(y, 1, 1)),
                Arbitraries.of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(2022, 5, 10), LocalDate.EPOCH)).injectNull(0.6);
        Arbitrary<Integer> page = Arbitraries.oneOf(Arbitraries.integers().between(1, 200),
                Arbitraries.integers().between(1, Integer.MAX_VALUE));
        Arbitrary<Integer> size = Arbitraries.integers().between(1, 100);
        Arbitrary<String> cursor = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/").ofMinLength(1).ofMaxLength(1_000),
                Arbitraries.of("[\"RELEVANCE\",1e999,\"f1\"]", "[\"DATE\",99999999999999999999,\"f1\"]", "[\"DATE\",-1,\"\"]",
                                "[\"RELEVANCE\",\"NaN\",\"f1\"]", "[\"DATE\",1.5,\"f1\"]", "[\"RELEVANCE\",-0.0,\"" + "z".repeat(600) + "\"]",
                                "[[[[[[[[[[[[[[[[[[[[", "{}", "null", "")
                        .map(json -> java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .injectNull(0.6);
        Arbitrary<SearchRequest.Sort> sort = Arbitraries.of(SearchRequest.Sort.class).injectNull(0.3);
        Arbitrary<String> query = apiQueries().map(q -> q.length() > 200 ? q.substring(0, 200) : q);
        return Combinators.combine(query, filters, date, date, sort, page, size, cursor)
                .as(SearchRequest::new);
    }

    @Provide
    Arbitrary<String> apiQueries() {
        return queries().map(q -> q.length() <= API_MAX_QUERY_CHARS ? q : q.substring(0, API_MAX_QUERY_CHARS));
    }

    private static String show(String s) {
        String shown = s.length() > 300 ? s.substring(0, 300) + "… (" + s.length() + " chars)" : s;
        StringBuilder b = new StringBuilder();
        shown.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE) {
                b.append(String.format("\\u%04X", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
