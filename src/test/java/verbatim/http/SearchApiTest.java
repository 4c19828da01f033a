package verbatim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verbatim.http.ApiFixture.enc;
import static verbatim.http.ApiFixture.problem;

/**
 * The read side of the API, over HTTP, against the bundled corpus and the hand-written articles of {@link ApiFixture}.
 * On the embedded index here; {@link SolrSearchApiTest} runs the same checks on a SolrCloud collection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest {

    ApiFixture api;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        api = startApi(dir);
    }

    /** The server under test, serving {@link ApiFixture}'s articles. */
    ApiFixture startApi(Path dir) throws Exception {
        return ApiFixture.start(dir, ServerConfig.defaults());
    }

    @AfterAll
    void stop() throws Exception {
        if (api != null) api.close();
    }

    private static List<String> ids(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }

    /** A facet as value → count, in the order given. */
    private static Map<String, Long> facet(JsonNode response, String name) {
        Map<String, Long> counts = new LinkedHashMap<>();
        response.get("facets").get(name).forEach(v -> counts.put(v.get("value").asText(), v.get("count").asLong()));
        return counts;
    }

    // --- endpoints ---------------------------------------------------------------------------

    @Test
    void healthCountsEveryArticle() throws Exception {
        JsonNode health = api.ok("/api/health");
        assertEquals("ok", health.get("status").asText());
        assertEquals(13, health.get("articles").asInt(), "nine corpus files and four hand-written articles");
    }

    @Test
    void statsCountArticlesAndQuotes() throws Exception {
        JsonNode stats = api.ok("/api/stats");
        assertEquals(13, stats.get("articles").asInt(), stats.toString());
        assertTrue(stats.get("quotes").asInt() >= 4, "at least the four hand-written quotes: " + stats);
        assertTrue(stats.get("bytes").asLong() > 0, stats.toString());
    }

    @Test
    void searchAnswersInTheDocumentedShape() throws Exception {
        JsonNode r = api.ok("/api/search?q=zorbaxium");
        assertEquals(4, r.get("total").asLong());
        assertTrue(r.get("took_ms").isIntegralNumber());
        assertTrue(r.has("suggestion"));
        assertTrue(r.has("next_cursor"));
        for (String f : List.of("speaker", "company", "tag", "site", "year")) assertTrue(r.get("facets").has(f), f);
        JsonNode hit = r.get("hits").get(0);
        for (String f : List.of("id", "title", "url", "site", "date", "author", "speakers", "companies", "tags", "snippets", "score")) {
            assertTrue(hit.has(f), f + " missing in " + hit);
        }
        JsonNode retail = hitById(r, "zx-retail");
        assertEquals("Le zorbaxium change le commerce", retail.get("title").asText());
        assertEquals("https://alpha.example/zx-retail", retail.get("url").asText());
        assertEquals("alpha.example", retail.get("site").asText());
        assertEquals("2021-03-01", retail.get("date").asText());
        assertEquals("Rédaction", retail.get("author").asText());
        assertEquals(List.of("retail", "marque"), strings(retail.get("tags")));
        assertEquals(List.of("Jeanne Martin"), strings(retail.get("speakers")));
        assertTrue(strings(retail.get("companies")).contains("Mobilis"), retail.toString());
        assertTrue(retail.get("score").asDouble() > 0);
    }

    private static JsonNode hitById(JsonNode r, String id) {
        for (JsonNode h : r.get("hits")) if (h.get("id").asText().equals(id)) return h;
        throw new AssertionError(id + " not among " + ids(r));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void emptyOrMissingQueryMatchesEveryArticleNewestFirst() throws Exception {
        for (String path : List.of("/api/search", "/api/search?q=", "/api/search?q=%20%20")) {
            JsonNode r = api.ok(path + (path.contains("?") ? "&" : "?") + "size=100");
            assertEquals(13, r.get("total").asLong(), path);
            List<String> dates = new ArrayList<>();
            r.get("hits").forEach(h -> dates.add(h.get("date").isNull() ? "" : h.get("date").asText()));
            List<String> dated = dates.stream().filter(d -> !d.isEmpty()).toList();
            List<String> sorted = new ArrayList<>(dated);
            sorted.sort(java.util.Comparator.reverseOrder());
            assertEquals(sorted, dated, path + ": newest first");
            assertEquals("zx-poison", ids(r).get(0), "the newest article comes first");
            // undated articles, if any, come after every dated one
            int firstUndated = dates.indexOf("");
            if (firstUndated >= 0) assertTrue(dates.subList(firstUndated, dates.size()).stream().allMatch(String::isEmpty), dates.toString());
        }
    }

    @Test
    void sortByDateOrdersAQueryNewestFirst() throws Exception {
        JsonNode r = api.ok("/api/search?q=zorbaxium&sort=date");
        assertEquals(List.of("zx-poison", "zx-luxe", "zx-prix", "zx-retail"), ids(r));
    }

    @Test
    void dateRangeIsInclusive() throws Exception {
        JsonNode r = api.ok("/api/search?q=zorbaxium&from=2022-05-10&to=2022-11-20&sort=date");
        assertEquals(List.of("zx-luxe", "zx-prix"), ids(r));
        assertEquals(List.of("zx-poison"), ids(api.ok("/api/search?q=zorbaxium&from=2023-01-01")));
        assertEquals(List.of("zx-retail"), ids(api.ok("/api/search?q=zorbaxium&to=2021-12-31")));
    }

    @Test
    void queryLanguageWordsPhrasesExclusionsOrAndFields() throws Exception {
        assertEquals(Set.of("zx-retail", "zx-luxe"), Set.copyOf(ids(api.ok("/api/search?q=" + enc("zorbaxium speaker:\"Jeanne Martin\"")))));
        assertEquals(Set.of("zx-prix", "zx-poison"), Set.copyOf(ids(api.ok("/api/search?q=" + enc("zorbaxium -speaker:\"Jeanne Martin\"")))));
        assertEquals(Set.of("zx-retail", "zx-prix"), Set.copyOf(ids(api.ok("/api/search?q=" + enc("zorbaxium site:alpha.example")))));
        assertEquals(List.of("zx-luxe"), ids(api.ok("/api/search?q=" + enc("zorbaxium tag:luxe"))));
        assertEquals(List.of("zx-prix"), ids(api.ok("/api/search?q=" + enc("title:prix zorbaxium"))));
        assertEquals(List.of("zx-retail"), ids(api.ok("/api/search?q=" + enc("\"zorbaxium industriel\""))));
        assertEquals(Set.of("zx-retail", "zx-prix", "zx-poison"), Set.copyOf(ids(api.ok("/api/search?q=" + enc("zorbaxium -luxe")))));
        assertEquals(Set.of("zx-luxe", "zx-prix"), Set.copyOf(ids(api.ok("/api/search?q=" + enc("matériau OR rayons")))));
        assertEquals(List.of("zx-luxe"), ids(api.ok("/api/search?q=" + enc("company:Carrefix speaker:\"jeanne martin\""))));
    }

    @Test
    void articleShowsTextMetadataEntitiesAndQuotes() throws Exception {
        JsonNode a = api.ok("/api/articles/zx-luxe");
        assertEquals("zx-luxe", a.get("id").asText());
        assertEquals("Zorbaxium et luxe", a.get("title").asText());
        assertEquals("beta.example", a.get("site").asText());
        assertEquals("2022-11-20", a.get("date").asText());
        assertTrue(a.get("text").asText().startsWith("Les maisons de luxe découvrent le zorbaxium."));
        Set<String> speakers = new HashSet<>();
        a.get("speakers").forEach(s -> speakers.add(s.get("name").asText()));
        assertEquals(Set.of("Jeanne Martin", "Paul Durand"), speakers);
        assertFalse(a.get("companies").isEmpty());
        assertEquals(2, a.get("quotes").size(), a.get("quotes").toString());
        assertEquals("Jeanne Martin", a.get("quotes").get(0).get("speaker").asText());
    }

    @Test
    void similarFindsTheArticlesSharingItsWordsButNotItself() throws Exception {
        List<String> similar = ids(api.ok("/api/articles/zx-luxe/similar?size=3"));
        assertFalse(similar.contains("zx-luxe"));
        assertTrue(similar.stream().anyMatch(id -> id.startsWith("zx-")), similar.toString());
        problem(api.get("/api/articles/no-such-article/similar"), 404);
    }

    @Test
    void suggestCompletesSpeakersCompaniesAndTitlesWhateverTheAccents() throws Exception {
        JsonNode jeanne = api.ok("/api/suggest?q=jea").get("suggestions");
        assertTrue(jeanne.toString().contains("\"text\":\"Jeanne Martin\""), jeanne.toString());
        JsonNode byTitle = api.ok("/api/suggest?q=pieg").get("suggestions");
        JsonNode first = byTitle.get(0);
        assertEquals("Zorbaxium piégé", first.get("text").asText());
        assertEquals("title", first.get("type").asText());
        assertEquals("Zorbaxium <mark>piég</mark>é", first.get("highlighted").asText());
        assertEquals(0, api.ok("/api/suggest?q=").get("suggestions").size());
    }

    @Test
    void suggestHighlightingIsEscaped() throws Exception {
        // A title written by an attacker must come back as text, with only our <mark> as markup.
        JsonNode s = api.ok("/api/suggest?q=" + enc("zorbaxium")).get("suggestions");
        for (JsonNode one : s) {
            String h = one.get("highlighted").asText();
            assertFalse(h.replace("<mark>", "").replace("</mark>", "").contains("<"), h);
        }
    }

    @Test
    void aMisspeltQueryGetsASpellingSuggestion() throws Exception {
        JsonNode r = api.ok("/api/search?q=" + enc("zorbaxiun"));
        assertEquals(0, r.get("total").asLong());
        assertEquals("zorbaxium", r.get("suggestion").asText());
    }

    @Test
    void quotesSearchWithSpeakerFilterAndArticleLink() throws Exception {
        JsonNode r = api.ok("/api/quotes?q=zorbaxium&speaker=" + enc("Paul Durand"));
        assertEquals(2, r.get("total").asLong(), r.toString());
        for (JsonNode q : r.get("hits")) {
            for (String f : List.of("text", "speaker", "company", "indirect", "snippet", "article")) assertTrue(q.has(f), f + " in " + q);
            assertEquals("Paul Durand", q.get("speaker").asText());
            assertEquals("Carrefix", q.get("company").asText());
            assertFalse(q.get("indirect").asBoolean());
            assertTrue(q.get("snippet").asText().contains("<mark>zorbaxium</mark>"), q.toString());
            JsonNode article = q.get("article");
            for (String f : List.of("id", "title", "url", "date")) assertTrue(article.has(f), f + " in " + article);
        }
        assertEquals(Set.of("zx-prix", "zx-luxe"), Set.of(r.get("hits").get(0).get("article").get("id").asText(),
                r.get("hits").get(1).get("article").get("id").asText()));
        assertEquals(Set.of("speaker", "company"), fieldNames(r.get("facets")));
        // drill-sideways on quotes too: Jeanne Martin's two quotes still count beside Paul Durand's
        assertEquals(Map.of("Jeanne Martin", 2L, "Paul Durand", 2L), facet(r, "speaker"));
        assertEquals(Map.of("Carrefix", 2L), facet(r, "company"));
    }

    @Test
    void anExactPhraseFindsTheQuoteWhereItSitsInItsArticle() throws Exception {
        JsonNode r = api.ok("/api/quotes?q=" + enc("\"zorbaxium est un materiau\""));
        assertEquals(1, r.get("total").asLong(), r.toString());
        JsonNode q = r.get("hits").get(0);
        assertEquals("Le zorbaxium est un matériau noble", q.get("text").asText());
        assertEquals("Jeanne Martin", q.get("speaker").asText());
        assertEquals("Le <mark>zorbaxium est un matériau</mark> noble", q.get("snippet").asText());
        JsonNode ref = q.get("article");
        String text = api.ok("/api/articles/" + ref.get("id").asText()).get("text").asText();
        assertEquals(q.get("text").asText(), text.substring(ref.get("start").asInt(), ref.get("end").asInt()));
        assertEquals(0, api.ok("/api/quotes?q=" + enc("\"zorbaxium un est\"")).get("total").asLong(), "not in another order");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    // --- facets ------------------------------------------------------------------------------

    @Test
    void facetsWithoutFiltersCountTheHandWrittenArticles() throws Exception {
        JsonNode r = api.ok("/api/search?q=zorbaxium");
        assertEquals(Map.of("Jeanne Martin", 2L, "Paul Durand", 2L), facet(r, "speaker"));
        assertEquals(Map.of("alpha.example", 2L, "beta.example", 2L), facet(r, "site"));
        assertEquals(Map.of("retail", 2L, "marque", 1L, "luxe", 1L, "securite", 1L), facet(r, "tag"));
        assertEquals(Map.of("2021", 1L, "2022", 2L, "2023", 1L), facet(r, "year"));
        assertEquals(List.of("2022", "2021", "2023"), List.copyOf(facet(r, "year").keySet()), "by count, then by value");
    }

    @Test
    void choosingASpeakerStillCountsTheOtherSpeakers() throws Exception {
        JsonNode r = api.ok("/api/search?q=zorbaxium&speaker=" + enc("Jeanne Martin"));
        assertEquals(Set.of("zx-retail", "zx-luxe"), Set.copyOf(ids(r)));
        assertEquals(2, r.get("total").asLong());
        // the speaker facet ignores its own filter: Paul Durand would add his two articles
        assertEquals(Map.of("Jeanne Martin", 2L, "Paul Durand", 2L), facet(r, "speaker"));
        // the other facets count only the two hits
        assertEquals(Map.of("alpha.example", 1L, "beta.example", 1L), facet(r, "site"));
        assertEquals(Map.of("retail", 1L, "marque", 1L, "luxe", 1L), facet(r, "tag"));
    }

    @Test
    void valuesOfOneFacetAreOredAndFacetsAreAnded() throws Exception {
        JsonNode both = api.ok("/api/search?q=zorbaxium&speaker=" + enc("Jeanne Martin") + "&speaker=" + enc("Paul Durand"));
        assertEquals(Set.of("zx-retail", "zx-prix", "zx-luxe"), Set.copyOf(ids(both)));
        assertEquals(Map.of("alpha.example", 2L, "beta.example", 1L), facet(both, "site"));

        JsonNode narrowed = api.ok("/api/search?q=zorbaxium&speaker=" + enc("Jeanne Martin") + "&speaker=" + enc("Paul Durand")
                + "&site=beta.example");
        assertEquals(List.of("zx-luxe"), ids(narrowed));
        // speaker counts under the site filter; site counts under the speaker filter
        assertEquals(Map.of("Jeanne Martin", 1L, "Paul Durand", 1L), facet(narrowed, "speaker"));
        assertEquals(Map.of("alpha.example", 2L, "beta.example", 1L), facet(narrowed, "site"));
        assertEquals(Map.of("luxe", 1L), facet(narrowed, "tag"));
        assertEquals(Map.of("2022", 1L), facet(narrowed, "year"));
    }

    @Test
    void browsingCountsAsDrillingSidewaysDoes() throws Exception {
        // A browse (no words) keeps the counts of every article per index reader; "-zzqx" lists the same articles
        // through the general drill-sideways path, which counts everything afresh.
        for (String filters : List.of("", "&tag=retail", "&speaker=" + enc("Jeanne Martin"), "&site=beta.example&site=alpha.example",
                "&year=2022&tag=retail", "&tag=nothing-has-this", "&page=2&size=2")) {
            JsonNode browse = api.ok("/api/search?sort=date&q=" + filters);
            JsonNode general = api.ok("/api/search?sort=date&q=-zzqx" + filters);
            assertEquals(ids(general), ids(browse), filters);
            assertEquals(general.get("total"), browse.get("total"), filters);
            assertEquals(general.get("facets"), browse.get("facets"), filters);
        }
        JsonNode browse = api.ok("/api/search?q=&tag=retail");
        assertEquals(facet(api.ok("/api/search?q="), "tag"), facet(browse, "tag"), "the filtered facet ignores its own filter");
        assertEquals(Map.of("Jeanne Martin", 1L, "Paul Durand", 1L), facet(browse, "speaker"), "the others count the hits");
    }

    @Test
    void filtersIgnoreCaseAndAccents() throws Exception {
        assertEquals(Set.of("zx-retail", "zx-luxe"), Set.copyOf(ids(api.ok("/api/search?q=zorbaxium&speaker=" + enc("jeanne MARTIN")))));
        assertEquals(List.of("zx-poison"), ids(api.ok("/api/search?q=zorbaxium&tag=" + enc("Sécurité"))));
        assertEquals(Set.of("zx-prix", "zx-luxe"), Set.copyOf(ids(api.ok("/api/search?q=zorbaxium&year=2022"))));
        assertEquals(0, api.ok("/api/search?q=zorbaxium&speaker=Nobody").get("total").asLong());
    }

    // --- highlighting ------------------------------------------------------------------------

    @Test
    void aPhraseIsMarkedAsOneSpan() throws Exception {
        JsonNode r = api.ok("/api/search?q=" + enc("\"zorbaxium industriel\""));
        String snippets = hitById(r, "zx-retail").get("snippets").toString();
        assertTrue(snippets.contains("<mark>zorbaxium industriel</mark>"), snippets);
    }

    @Test
    void stemmedMatchesAreMarked() throws Exception {
        JsonNode r = api.ok("/api/search?q=marques");
        String snippets = hitById(r, "zx-retail").get("snippets").toString();
        assertTrue(snippets.contains("<mark>marque</mark>"), snippets);
    }

    @Test
    void atMostThreePassagesOfAboutOneHundredSixtyCharacters() throws Exception {
        JsonNode r = api.ok("/api/search?q=zorbaxium");
        for (JsonNode hit : r.get("hits")) {
            JsonNode snippets = hit.get("snippets");
            assertTrue(snippets.size() >= 1 && snippets.size() <= 3, hit.toString());
            for (JsonNode s : snippets) {
                String plain = s.asText().replaceAll("</?mark>", "");
                assertTrue(plain.length() <= 400, "a passage of " + plain.length() + " chars: " + plain);
            }
        }
        // a long corpus article is cut into passages, not returned whole
        JsonNode corpus = api.ok("/api/search?q=forum");
        for (JsonNode hit : corpus.get("hits")) {
            assertTrue(hit.get("snippets").size() <= 3);
            hit.get("snippets").forEach(s -> assertTrue(s.asText().length() < 600, s.asText()));
        }
    }

    @Test
    void articleTextIsEscapedInSnippets() throws Exception {
        JsonNode r = api.ok("/api/search?q=zorbaxium");
        String snippets = String.join("\n", strings(hitById(r, "zx-poison").get("snippets")));
        assertFalse(snippets.contains("<script"), snippets);
        assertFalse(snippets.contains("<img"), snippets);
        assertTrue(snippets.contains("&lt;script&gt;"), snippets);
        assertTrue(snippets.contains("&lt;img"), snippets);
        assertFalse(snippets.replace("<mark>", "").replace("</mark>", "").contains("<"), "only <mark> is markup: " + snippets);
        // the same through the quotes of a query that does not match the poison: nothing unescaped anywhere
        for (JsonNode hit : api.ok("/api/search?q=alert").get("hits")) {
            hit.get("snippets").forEach(s -> assertFalse(s.asText().replace("<mark>", "").replace("</mark>", "").contains("<"), s.asText()));
        }
    }

    // --- paging ------------------------------------------------------------------------------

    @Test
    void cursorWalksEveryHitOnceInEitherSort() throws Exception {
        for (String query : List.of("", "q=zorbaxium+OR+forum+OR+marque&", "q=zorbaxium&sort=date&")) {
            long total = api.ok("/api/search?" + query + "size=1").get("total").asLong();
            List<String> seen = new ArrayList<>();
            String cursor = null;
            for (int pages = 0; pages < 50; pages++) {
                JsonNode r = api.ok("/api/search?" + query + "size=2" + (cursor == null ? "" : "&cursor=" + enc(cursor)));
                seen.addAll(ids(r));
                assertEquals(total, r.get("total").asLong(), "total is the same on every page");
                cursor = r.get("next_cursor").isNull() ? null : r.get("next_cursor").asText();
                if (cursor == null) break;
            }
            assertNull(cursor, "the walk ends");
            assertEquals(total, seen.size(), query + " " + seen);
            assertEquals(seen.size(), new HashSet<>(seen).size(), "no duplicates: " + seen);
            // the same order as one big page
            assertEquals(ids(api.ok("/api/search?" + query + "size=100")), seen);
        }
    }

    @Test
    void pagesAreOneBasedAndSizeIsBounded() throws Exception {
        List<String> all = ids(api.ok("/api/search?size=100"));
        assertEquals(10, api.ok("/api/search").get("hits").size(), "ten by default");
        assertEquals(all.subList(0, 5), ids(api.ok("/api/search?size=5&page=1")));
        assertEquals(all.subList(5, 10), ids(api.ok("/api/search?size=5&page=2")));
        assertEquals(List.of(), ids(api.ok("/api/search?size=5&page=100")));
        assertEquals(13, api.ok("/api/search?size=100").get("hits").size());
        assertTrue(api.ok("/api/search?size=5&page=3").get("next_cursor").isNull(), "the last page has no next cursor");
    }

    @Test
    void pagesBeyondTenThousandHitsAreRefused() throws Exception {
        JsonNode p = problem(api.get("/api/search?page=1001&size=10"), 400);
        assertTrue(p.get("detail").asText().contains("cursor"), p.toString());
        problem(api.get("/api/search?page=10001"), 400);
        problem(api.get("/api/search?page=2147483647&size=100"), 400);
        assertEquals(0, api.ok("/api/search?page=1000&size=10").get("hits").size(), "the last allowed page");
    }

    // --- errors ------------------------------------------------------------------------------

    @Test
    void badParametersAre400sThatNameTheParameter() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("size=0", "size");
        cases.put("size=101", "size");
        cases.put("size=ten", "size");
        cases.put("page=0", "page");
        cases.put("page=-1", "page");
        cases.put("page=1.5", "page");
        cases.put("sort=popularity", "sort");
        cases.put("from=yesterday", "from");
        cases.put("to=2020-13-45", "to");
        cases.put("cursor=not-a-cursor", "cursor");
        cases.put("cursor=" + enc("W10"), "cursor");
        cases.put("from=2021-01-01&to=2020-12-31", "from (2021-01-01) is after to (2020-12-31)");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            JsonNode p = problem(api.get("/api/search?q=zorbaxium&" + c.getKey()), 400);
            assertTrue(p.get("detail").asText().contains(c.getValue()), c.getKey() + " -> " + p);
            problem(api.get("/api/quotes?q=zorbaxium&" + c.getKey()), 400);
        }
        // A year filter that is no year would match nothing without a word of why.
        for (String year : List.of("abc", "20201", "0", "-1", "2019&year=soon")) {
            JsonNode p = problem(api.get("/api/search?q=zorbaxium&year=" + year), 400);
            assertTrue(p.get("detail").asText().startsWith("year must be a year"), year + " -> " + p);
        }
        assertEquals(200, api.get("/api/search?q=zorbaxium&year=2019&year=2022&from=2022-01-01&to=2022-01-01").statusCode());
    }

    @Test
    void aCursorFromOneSortIsRefusedByTheOther() throws Exception {
        String cursor = api.ok("/api/search?q=zorbaxium&sort=date&size=1").get("next_cursor").asText();
        problem(api.get("/api/search?q=zorbaxium&sort=relevance&size=1&cursor=" + enc(cursor)), 400);
    }

    @Test
    void unknownIdsAndRoutesAre404s() throws Exception {
        JsonNode p = problem(api.get("/api/articles/no-such-article"), 404);
        assertTrue(p.get("detail").asText().contains("no-such-article"), p.toString());
        problem(api.get("/api/nothing-here"), 404);
        problem(api.get("/nothing-here"), 404); // "/" is the search page (WebUiTest)
        problem(api.get("/app.js/more"), 404);
        problem(api.get("/api/articles/" + enc("../../etc/passwd")), 404);
    }

    @Test
    void wrongMethodsAre405s() throws Exception {
        problem(api.send("POST", "/api/search", "application/json", "{}"), 405);
        problem(api.send("DELETE", "/api/health", null, null), 405);
        problem(api.send("PATCH", "/api/articles/zx-luxe", "application/json", "{}"), 405);
    }

    @Test
    void writesWithoutAConfiguredKeyAre403sThatSayHowToEnableThem() throws Exception {
        String body = "{\"title\":\"Non\",\"text\":\"Ne doit pas être écrit.\"}";
        JsonNode p = problem(api.send("POST", "/api/articles", "application/json", body, "Authorization", "Bearer anything"), 403);
        assertTrue(p.get("detail").asText().contains("VERBATIM_ADMIN_KEY"), p.toString());
        problem(api.send("PUT", "/api/articles/zx-luxe", "application/json", body), 403);
        problem(api.send("DELETE", "/api/articles/zx-luxe", null, null), 403);
        assertEquals("zx-luxe", api.ok("/api/articles/zx-luxe").get("id").asText(), "still there");
    }

    // --- CORS --------------------------------------------------------------------------------

    @Test
    void readsAreOpenToAnyOriginByDefault() throws Exception {
        HttpResponse<String> r = api.get("/api/search?q=zorbaxium", "Origin", "https://news.example");
        assertEquals(200, r.statusCode());
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        HttpResponse<String> preflight = api.send("OPTIONS", "/api/search", null, null,
                "Origin", "https://news.example", "Access-Control-Request-Method", "GET");
        assertTrue(preflight.statusCode() / 100 == 2, "" + preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        // a browser must be able to read the problem too
        HttpResponse<String> bad = api.get("/api/search?size=0", "Origin", "https://news.example");
        problem(bad, 400);
        assertEquals("*", bad.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        HttpResponse<String> missing = api.get("/api/articles/nope", "Origin", "https://news.example");
        problem(missing, 404);
        assertEquals("*", missing.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        HttpResponse<String> head = api.send("HEAD", "/api/health", null, null);
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void writesAreNeverCrossOrigin() throws Exception {
        HttpResponse<String> preflight = api.send("OPTIONS", "/api/articles", null, null,
                "Origin", "https://news.example", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type");
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), preflight.headers().toString());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").indexOf("POST") < 0);
        HttpResponse<String> post = api.send("POST", "/api/articles", "application/json", "{\"text\":\"x\"}", "Origin", "https://news.example");
        assertTrue(post.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), post.headers().toString());
    }

    @Test
    void openApiDocumentIsServed() throws Exception {
        assertNotNull(api.ok("/openapi.json").get("paths"));
    }
}
