package verbatim.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import verbatim.Fuzz;
import verbatim.Fuzz.Gen;
import verbatim.analysis.ArticleAnalysis;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.Article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static verbatim.Fuzz.frequency;
import static verbatim.Fuzz.of;
import static verbatim.Fuzz.show;
import static verbatim.Fuzz.strings;
import static verbatim.Fuzz.w;

/**
 * Fuzzes the query language: whatever is typed, {@link UserQuery#parse} gives a query that runs on a real index,
 * fast. The documented bad-input errors are {@link IndexSearcher.TooManyClauses} and, for a text longer than
 * {@link UserQuery#MAX_CHARS}, {@link IllegalArgumentException} (the API answers 400 to both).
 * Tries and seed: {@code verbatim.fuzz.tries}, {@code verbatim.fuzz.seed} ({@link Fuzz}; README, "Fuzzing").
 */
class UserQueryFuzzTest {

    /** Generous: a query on this tiny index takes milliseconds. */
    private static final Duration PER_INPUT = Duration.ofSeconds(10);

    private static Path dir;
    private static LuceneArticleIndex index;
    private static LuceneSearch search;

    @BeforeAll
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

    @AfterAll
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

    /** Pieces of the query language and of what people paste: words, operators, fields, odd Unicode, controls. */
    private static final List<String> TOKENS = List.of(
            "zorbaxium", "le", "la", "marque", "Jeanne", "Martin", "jeanne martin", "engagement", "l'", "l’", "aujourd'hui",
            "\"", "+", "-", "|", "||", "&", "&&", "(", ")", "*", "~", "~2", "~99999999999", ":", "\\", "^", "^10", "?",
            "{", "}", "[", "]", " ", "  ", "\t", "\n", "OR", "AND", "NOT", "speaker:", "company:", "tag:", "site:", "year:",
            "title:", "author:", "unknown:", "speaker:\"", "title:\"", "-title:", "-speaker:", "10:30", "2022", "0",
            "😀", "👩‍💻", "\uD83D", "\uDE00", "\u0000", "\u0007", "\u001B[31m", "\u200B", "\u200D", "\uFEFF", "\u202E",
            "\u0301", "e\u0301", "\u0130", "ǅ", "ﬁ", "𝔘𝔫𝔦", "日本語", "مرحبا", "%00", "<script>", "${jndi:x}", "../");

    /** Edge cases, always run: empty, blank, huge, operator soup, deep nesting. */
    static final List<String> EDGE_QUERIES = List.of("", " ", "\u0000", "\uD83D", "\"", "(", ")", "*", "-", "+", ":", "\\",
            "~", "OR", "AND NOT", "speaker:", "speaker:\"", "-title:", "\"".repeat(20_000), "(".repeat(20_000), ")".repeat(20_000),
            "(".repeat(2_000) + "zorbaxium" + ")".repeat(2_000), "*".repeat(20_000), "-".repeat(20_000), "~99999999999 ".repeat(1_500),
            "a OR ".repeat(4_000), "zorbaxium ".repeat(2_000), "\"+-|()*~:\\ aOR\u0000".repeat(1_300),
            String.join(" ", java.util.Collections.nCopies(3_000, "speaker:\"")), String.join("", TOKENS), String.join(" ", TOKENS),
            "x".repeat(2_001), "😀".repeat(10_000));

    @TestFactory
    Stream<DynamicTest> anyStringParsesAndRuns() {
        return Fuzz.property("anyStringParsesAndRuns", EDGE_QUERIES, queries(), Fuzz::show, text ->
                assertTimeoutPreemptively(PER_INPUT, () -> {
                    if (text.length() > UserQuery.MAX_CHARS) {
                        assertThrows(IllegalArgumentException.class, () -> UserQuery.parse(text, LuceneSearch.ARTICLE_FIELDS));
                        return;
                    }
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
                }, () -> "query: " + show(text)));
    }

    /**
     * The whole search path the API takes: parse, run, facets, highlighting, spelling suggestions; for queries
     * within the bound ({@link UserQuery#MAX_CHARS}; longer ones are a 400). Its cost grows faster
     * than the query's length (operator soup: 0.3 s at 2,000 characters, 1.2 s at 4,000, over 10 s at 18,000),
     * which is what the bound is for.
     */
    @TestFactory
    Stream<DynamicTest> anyStringSearches() {
        return Fuzz.property("anyStringSearches", EDGE_QUERIES.stream().map(UserQueryFuzzTest::bound).toList(), apiQueries(),
                Fuzz::show, text -> assertTimeoutPreemptively(PER_INPUT, () -> {
                    try {
                        assertNotNull(search.articles(SearchRequest.of(text)));
                        assertNotNull(search.quotes(SearchRequest.of(text)));
                    } catch (IndexSearcher.TooManyClauses documented) {
                        // the API's 400
                    }
                }, () -> "query: " + show(text)));
    }

    static Gen<String> queries() {
        Gen<String> any = strings(300);
        Gen<String> glued = of(TOKENS).list(80).map(l -> String.join("", l));
        Gen<String> spaced = of(TOKENS).list(80).map(l -> String.join(" ", l));
        Gen<String> hugeWords = of(TOKENS).list(300, 3_000).map(l -> String.join(" ", l));
        Gen<String> hugeOperators = strings(1_000, 20_000, "\"+-|()*~:\\ aOR\u0000");
        return frequency(w(3, any), w(4, glued), w(4, spaced), w(1, hugeWords), w(1, hugeOperators));
    }

    /**
     * Every search request the API lets through ({@code SearchParams}: page 1 to 2^31 - 1, size 1 to 100, up to 50
     * filter values of up to 300 characters, any dates, a cursor of up to 1,000 characters) gives results or an
     * {@link IllegalArgumentException} (the API's 400), never anything else.
     */
    @TestFactory
    Stream<DynamicTest> anyRequestTheApiAdmits() {
        List<SearchRequest> edges = new ArrayList<>();
        Map<String, List<String>> allFilters = new LinkedHashMap<>();
        for (String f : List.of("speaker", "company", "tag", "site", "year")) allFilters.put(f, List.of("x".repeat(300), "Jeanne Martin"));
        for (int page : new int[]{1, 2, 200, Integer.MAX_VALUE - 1, Integer.MAX_VALUE}) {
            for (int size : new int[]{1, 100}) {
                edges.add(new SearchRequest("", Map.of(), null, null, null, page, size, null));
                edges.add(new SearchRequest("zorbaxium", allFilters, LocalDate.MIN, LocalDate.MAX, SearchRequest.Sort.DATE, page, size,
                        cursor("[\"DATE\",-1,\"\"]")));
            }
        }
        for (String c : CURSORS) edges.add(new SearchRequest("zorbaxium", Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 10, cursor(c)));
        edges.add(new SearchRequest("zorbaxium", Map.of(), null, null, null, 1, 10, "A".repeat(1_000)));
        edges.add(new SearchRequest(bound("(".repeat(200)), Map.of(), LocalDate.MAX, LocalDate.MIN, null, 1, 100, null));
        return Fuzz.property("anyRequestTheApiAdmits", edges, requests(), Fuzz::show, request -> assertTimeoutPreemptively(PER_INPUT, () -> {
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
        }, () -> "request: " + request));
    }

    private static final List<String> CURSORS = List.of("[\"RELEVANCE\",1e999,\"f1\"]", "[\"DATE\",99999999999999999999,\"f1\"]",
            "[\"DATE\",-1,\"\"]", "[\"RELEVANCE\",\"NaN\",\"f1\"]", "[\"DATE\",1.5,\"f1\"]", "[\"RELEVANCE\",-0.0,\"" + "z".repeat(600) + "\"]",
            "[[[[[[[[[[[[[[[[[[[[", "{}", "null", "");

    private static String cursor(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(UTF_8));
    }

    static Gen<SearchRequest> requests() {
        Gen<String> value = Fuzz.<String>oneOf(of("Jeanne Martin", "jeanne martin", "Mobilis", "retail",
                        "example.org", "2022", "*", "\u00A0x", "\u0000x"), strings(300))
                // as SearchParams hands them on: control characters made spaces, stripped, blanks dropped
                .map(v -> v.replaceAll("[\\p{Cc}\\p{Cf}]", " ").strip()).filter(v -> !v.isBlank());
        Gen<String> filterName = of("speaker", "company", "tag", "site", "year");
        Gen<List<String>> values = value.list(1, 10);
        Gen<Map<String, List<String>>> filters = r -> {
            Map<String, List<String>> m = new LinkedHashMap<>();
            int n = Fuzz.size(r, 0, 5);
            for (int i = 0; i < n; i++) m.put(filterName.next(r), values.next(r));
            return m;
        };
        Gen<LocalDate> date = Fuzz.<LocalDate>oneOf(
                Fuzz.ints(1900, 2100).map(y -> LocalDate.of(y, 1, 1)),
                of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(2022, 5, 10), LocalDate.EPOCH)).injectNull(0.6);
        Gen<Integer> page = Fuzz.oneOf(Fuzz.ints(1, 200), Fuzz.ints(1, Integer.MAX_VALUE));
        Gen<Integer> size = Fuzz.ints(1, 100);
        Gen<String> cursor = Fuzz.<String>oneOf(
                strings(1, 1_000, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/"),
                of(CURSORS).map(UserQueryFuzzTest::cursor)).injectNull(0.6);
        Gen<SearchRequest.Sort> sort = of(SearchRequest.Sort.values()).injectNull(0.3);
        Gen<String> query = apiQueries().map(q -> q.length() > 200 ? q.substring(0, 200) : q);
        return r -> new SearchRequest(query.next(r), filters.next(r), date.next(r), date.next(r), sort.next(r), page.next(r),
                size.next(r), cursor.next(r));
    }

    static Gen<String> apiQueries() {
        return queries().map(UserQueryFuzzTest::bound);
    }

    private static String bound(String q) {
        return q.length() <= UserQuery.MAX_CHARS ? q : q.substring(0, UserQuery.MAX_CHARS);
    }
}
