package verbatim.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.SpellCheckResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.JavaBinCodec;
import org.slf4j.LoggerFactory;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.Company;
import verbatim.analysis.FrenchAnalysis;
import verbatim.analysis.Mentions;
import verbatim.analysis.Speaker;
import verbatim.index.Schema;
import verbatim.search.Completions;
import verbatim.search.FacetCount;
import verbatim.search.Hit;
import verbatim.search.LuceneSearch;
import verbatim.search.QuoteHit;
import verbatim.search.Search;
import verbatim.search.SearchRequest;
import verbatim.search.SearchResponse;
import verbatim.search.Suggestion;
import verbatim.search.UserQuery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@link Search} on a SolrCloud collection, answering exactly as {@link LuceneSearch} does: the same query
 * language (Verbatim parses and analyses the query, see {@link SolrQuerySyntax}), multi-select facets (each
 * facet's filter tagged, and excluded when that facet is counted), passages from Solr's unified highlighter
 * (HTML-escaped, {@code <mark>}, a phrase as one span), cursors that stay valid while the collection changes
 * (Solr's {@code cursorMark}), quote search, completions and spelling suggestions.
 */
public final class SolrSearch implements Search {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> QUOTE_FACETS = List.of(Schema.SPEAKER, Schema.COMPANY);
    private static final String HIT_FIELDS = String.join(",", Schema.ID, Schema.TITLE, Schema.URL, Schema.valueField(Schema.SITE),
            Schema.DATE, Schema.AUTHOR, Schema.valueField(Schema.TAG), Schema.MENTIONS, Schema.DAY, "score");
    private static final String QUOTE_HIT_FIELDS = String.join(",", Schema.ID, Schema.ARTICLE_ID, Schema.TEXT,
            Schema.valueField(Schema.SPEAKER), Schema.valueField(Schema.COMPANY), SolrDocuments.QUOTE_INDIRECT, SolrDocuments.QUOTE_START,
            SolrDocuments.QUOTE_END, Schema.DAY, "score");
    /** The sentence breaker sometimes leaves the previous sentence's full stop at the start of a passage. */
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[.,;:!?…]+\\s*");
    private static final long COMPLETIONS_MAX_AGE_MS = 30_000;
    private final AtomicBoolean rebuildingCompletions = new AtomicBoolean();
    private static final int SPELLING_MAX_WORDS = 12;

    private final SolrConnection solr;
    private final SolrArticleIndex index;
    private volatile CachedCompletions completions;

    private record CachedCompletions(Completions completions, long builtAt) {
    }

    public SolrSearch(SolrArticleIndex index) {
        this.index = index;
        this.solr = index.connection();
    }

    @Override
    public SearchResponse<Hit> articles(SearchRequest request) throws IOException {
        long start = System.nanoTime();
        Page page = find(request, LuceneSearch.ARTICLE_FIELDS, Schema.KIND_ARTICLE, Schema.FACETS, HIT_FIELDS, LuceneSearch.SNIPPETS_PER_HIT);
        List<Hit> hits = new ArrayList<>();
        for (SolrDocument doc : page.response.getResults()) {
            Mentions m = Schema.fromJson(SolrDocuments.string(doc, Schema.MENTIONS));
            String date = SolrDocuments.string(doc, Schema.DATE);
            String id = SolrDocuments.string(doc, Schema.ID);
            hits.add(new Hit(id, SolrDocuments.string(doc, Schema.TITLE), SolrDocuments.string(doc, Schema.URL),
                    SolrDocuments.string(doc, Schema.valueField(Schema.SITE)), date == null ? null : LocalDate.parse(date),
                    SolrDocuments.string(doc, Schema.AUTHOR), m.speakers().stream().map(Speaker::name).toList(),
                    m.companies().stream().map(Company::name).toList(), SolrDocuments.strings(doc, Schema.valueField(Schema.TAG)),
                    passages(page.response, id), score(doc)));
        }
        long total = page.response.getResults().getNumFound();
        String suggestion = total < LuceneSearch.FEW_HITS ? spelling(request.query()) : null;
        return new SearchResponse<>(total, millisSince(start), hits, page.facets, suggestion, page.nextCursor);
    }

    @Override
    public SearchResponse<QuoteHit> quotes(SearchRequest request) throws IOException {
        long start = System.nanoTime();
        Page page = find(request, LuceneSearch.QUOTE_FIELDS, Schema.KIND_QUOTE, QUOTE_FACETS, QUOTE_HIT_FIELDS, 1);
        List<String> articleIds = page.response.getResults().stream().map(d -> SolrDocuments.string(d, Schema.ARTICLE_ID)).distinct().toList();
        Map<String, SolrDocument> articles = byId(articleIds);
        List<QuoteHit> hits = new ArrayList<>();
        for (SolrDocument q : page.response.getResults()) {
            SolrDocument a = articles.get(SolrDocuments.string(q, Schema.ARTICLE_ID));
            String date = a == null ? null : SolrDocuments.string(a, Schema.DATE);
            QuoteHit.ArticleRef ref = a == null ? null : new QuoteHit.ArticleRef(SolrDocuments.string(a, Schema.ID),
                    SolrDocuments.string(a, Schema.TITLE), SolrDocuments.string(a, Schema.URL),
                    date == null ? null : LocalDate.parse(date),
                    SolrDocuments.integer(q, SolrDocuments.QUOTE_START), SolrDocuments.integer(q, SolrDocuments.QUOTE_END));
            List<String> snippet = passages(page.response, SolrDocuments.string(q, Schema.ID));
            hits.add(new QuoteHit(SolrDocuments.string(q, Schema.TEXT), SolrDocuments.string(q, Schema.valueField(Schema.SPEAKER)),
                    SolrDocuments.string(q, Schema.valueField(Schema.COMPANY)), SolrDocuments.integer(q, SolrDocuments.QUOTE_INDIRECT) == 1,
                    snippet.isEmpty() ? null : snippet.get(0), ref));
        }
        return new SearchResponse<>(page.response.getResults().getNumFound(), millisSince(start), hits, page.facets, null, page.nextCursor);
    }

    /** The articles with these ids (what a quote hit shows of its article), by real-time get. */
    private Map<String, SolrDocument> byId(List<String> ids) throws IOException {
        Map<String, SolrDocument> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("ids", String.join(",", ids));
        params.set("fl", String.join(",", Schema.ID, Schema.TITLE, Schema.URL, Schema.DATE));
        QueryRequest get = new QueryRequest(params, org.apache.solr.client.solrj.SolrRequest.METHOD.POST); // up to 100 ids
        get.setPath("/get");
        for (SolrDocument d : solr.request(get).getResults()) out.put(SolrDocuments.string(d, Schema.ID), d);
        return out;
    }

    private record Page(QueryResponse response, Map<String, List<FacetCount>> facets, String nextCursor) {
    }

    private Page find(SearchRequest request, UserQuery.Fields fields, String kind, List<String> facetDims, String fl,
                      int snippets) throws IOException {
        ModifiableSolrParams p = new ModifiableSolrParams();
        SolrQuerySyntax syntax = new SolrQuerySyntax(p, "v");
        p.set("q", syntax.write(UserQuery.parse(request.query(), fields)));
        p.add("fq", Schema.KIND + ":" + kind);
        for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
            BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
            for (String value : filter.getValue()) {
                anyOf.add(new TermQuery(new Term(filter.getKey(), Schema.key(value))), BooleanClause.Occur.SHOULD);
            }
            // A counted facet's filter is tagged, so its own counts can leave it out (multi-select).
            String tag = facetDims.contains(filter.getKey()) ? "tag=" + filter.getKey() : "";
            p.add("fq", syntax.write(anyOf.build(), tag));
        }
        if (request.from() != null || request.to() != null) {
            p.add("fq", Schema.DAY + ":[" + (request.from() == null ? "*" : request.from().toEpochDay()) + " TO "
                    + (request.to() == null ? "*" : request.to().toEpochDay()) + "]");
        }
        if (!facetDims.isEmpty()) {
            p.set("facet", true);
            p.set("facet.mincount", 1);
            p.set("facet.limit", LuceneSearch.FACET_VALUES * 2);
            p.set("facet.sort", "count");
            for (String dim : facetDims) p.add("facet.field", "{!ex=" + dim + " key=" + dim + "}" + SolrDocuments.facetField(dim));
        }

        boolean byDate = request.sort() == SearchRequest.Sort.DATE;
        p.set("sort", (byDate ? Schema.DAY + " desc" : "score desc") + "," + Schema.ID + " asc");
        long depth;
        if (request.cursor() != null) {
            p.set(CursorMarkParams.CURSOR_MARK_PARAM, decodeCursor(request.cursor(), request.sort()));
            depth = 0;
        } else {
            depth = (long) (request.page() - 1) * request.size();
            if (depth + request.size() > LuceneSearch.MAX_PAGE_DEPTH) {
                throw new IllegalArgumentException("page " + request.page() + " of " + request.size()
                        + " is deeper than " + LuceneSearch.MAX_PAGE_DEPTH + " hits: follow next_cursor instead");
            }
        }
        p.set("start", (int) depth);
        p.set("rows", request.size());
        p.set("fl", fl);
        highlight(p, request.query(), snippets);

        QueryResponse response = solr.request(new QueryRequest(p, org.apache.solr.client.solrj.SolrRequest.METHOD.POST));
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String dim : facetDims) facets.put(dim, counts(response.getFacetField(dim)));
        var results = response.getResults();
        boolean more = depth + results.size() < results.getNumFound() && results.size() == request.size();
        String next = more ? encodeCursor(results.get(results.size() - 1), request.sort()) : null;
        return new Page(response, facets, next);
    }

    /** The passages of Snippets, from Solr's unified highlighter, on the body: about 160 characters, sentence-aligned. */
    private static void highlight(ModifiableSolrParams p, String query, int snippets) {
        SolrQuerySyntax syntax = new SolrQuerySyntax(p, "h");
        p.set("hl", true);
        p.set("hl.method", "unified");
        p.set("hl.fl", Schema.TEXT);
        p.set("hl.q", syntax.write(UserQuery.parse(query, LuceneSearch.HIGHLIGHT)));
        p.set("hl.snippets", snippets);
        p.set("hl.fragsize", 160);
        p.set("hl.fragsizeIsMinimum", false);
        p.set("hl.fragAlignRatio", "0.5");
        p.set("hl.bs.type", "SENTENCE");
        p.set("hl.bs.language", "fr");
        p.set("hl.tag.pre", "<mark>");
        p.set("hl.tag.post", "</mark>");
        p.set("hl.encoder", "html");
        p.set("hl.weightMatches", true);
        p.set("hl.usePhraseHighlighter", true);
        p.set("hl.defaultSummary", true);
        p.set("hl.maxAnalyzedChars", 200_000);
        p.set("hl.offsetSource", "POSTINGS");
        p.set("hl.requireFieldMatch", false);
    }

    private static List<String> passages(QueryResponse response, String id) {
        Map<String, List<String>> fields = response.getHighlighting() == null ? null : response.getHighlighting().get(id);
        List<String> passages = fields == null ? null : fields.get(Schema.TEXT);
        if (passages == null) return List.of();
        return passages.stream().map(s -> LEADING_PUNCTUATION.matcher(s.strip()).replaceFirst("")).toList();
    }

    /** As the embedded index counts: values that differ only in case or accents are one, shown as the most frequent. */
    private static List<FacetCount> counts(FacetField field) {
        if (field == null || field.getValues() == null) return List.of();
        Map<String, FacetCount> merged = new LinkedHashMap<>();
        for (FacetField.Count c : field.getValues()) {
            merged.merge(Schema.key(c.getName()), new FacetCount(c.getName(), c.getCount()),
                    (a, b) -> new FacetCount(a.count() >= b.count() ? a.value() : b.value(), a.count() + b.count()));
        }
        return merged.values().stream()
                .sorted((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.value().compareTo(b.value()))
                .limit(LuceneSearch.FACET_VALUES).toList();
    }

    /**
     * A cursor after {@code last}: the sort name and Solr's cursor mark, which is the last hit's sort values in
     * Solr's binary encoding (so any page, not only a cursor's, can give the next cursor).
     */
    private static String encodeCursor(SolrDocument last, SearchRequest.Sort sort) throws IOException {
        Object first;
        if (sort == SearchRequest.Sort.DATE) {
            Object day = last.getFirstValue(Schema.DAY);
            first = day == null ? Long.MIN_VALUE : ((Number) day).longValue(); // undated last, as Solr sorts them
        } else {
            first = score(last);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JavaBinCodec codec = new JavaBinCodec()) {
            codec.marshal(List.of(first, SolrDocuments.string(last, Schema.ID)), bytes);
        }
        ArrayNode token = JSON.createArrayNode().add(sort.name()).add(Base64.getEncoder().encodeToString(bytes.toByteArray()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor, SearchRequest.Sort sort) {
        JsonNode token;
        try {
            token = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (IllegalArgumentException | IOException e) {
            token = null;
        }
        if (token == null || !token.isArray() || token.size() != 2 || !token.get(1).isTextual()) {
            throw new IllegalArgumentException("cursor is not valid: pass back next_cursor as it was given");
        }
        if (!token.get(0).asText().equals(sort.name())) {
            throw new IllegalArgumentException("cursor does not belong to a " + sort.name().toLowerCase() + " search");
        }
        return token.get(1).asText();
    }

    private static float score(SolrDocument doc) {
        Object score = doc.getFirstValue("score");
        return score instanceof Number n && !Float.isNaN(n.floatValue()) ? n.floatValue() : 0f;
    }

    /**
     * "Did you mean", as the embedded index does it: each word of four letters or more that the unstemmed text
     * does not hold is replaced by its closest word there (Solr's spellcheck on {@code text_exact}).
     */
    private String spelling(String query) throws IOException {
        if (query == null || query.isBlank() || query.contains(":")) return null;
        List<int[]> offsets = new ArrayList<>();
        List<String> words = new ArrayList<>();
        try (TokenStream ts = FrenchAnalysis.exact().tokenStream(Schema.TEXT_EXACT, query)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken() && words.size() < SPELLING_MAX_WORDS) {
                words.add(term.toString());
                offsets.add(new int[] {offset.startOffset(), offset.endOffset()});
            }
            ts.end();
        }
        List<String> checked = words.stream().filter(w -> w.length() >= 4).distinct().toList();
        if (checked.isEmpty()) return null;
        SolrQuery q = new SolrQuery("*:*").setRows(0);
        q.setRequestHandler("/spell");
        q.set("spellcheck.q", String.join(" ", checked));
        SpellCheckResponse spelling = solr.request(new QueryRequest(q)).getSpellCheckResponse();
        if (spelling == null || spelling.getSuggestions().isEmpty()) return null;
        Map<String, String> better = new HashMap<>();
        for (SpellCheckResponse.Suggestion s : spelling.getSuggestions()) {
            if (!s.getAlternatives().isEmpty()) better.put(s.getToken(), s.getAlternatives().get(0));
        }
        StringBuilder corrected = new StringBuilder(query);
        boolean changed = false;
        for (int i = words.size() - 1; i >= 0; i--) { // from the end, so earlier offsets stay right
            String replacement = words.get(i).length() >= 4 ? better.get(words.get(i)) : null;
            if (replacement == null) continue;
            corrected.replace(offsets.get(i)[0], offsets.get(i)[1], replacement);
            changed = true;
        }
        return changed ? corrected.toString() : null;
    }

    @Override
    public List<Suggestion> suggest(String prefix, int count) throws IOException {
        if (prefix.isBlank()) return List.of();
        return completions().lookup(prefix, count);
    }

    /**
     * Completions are built from the collection's titles and its speaker and company counts. The first request waits
     * for them; later, once they are {@value #COMPLETIONS_MAX_AGE_MS} ms old, one rebuild runs in the background and
     * the previous ones answer meanwhile (a rebuild under the lock stalled every suggest for seconds: at 16
     * connections the whole load stopped behind it).
     */
    private Completions completions() throws IOException {
        CachedCompletions c = completions;
        if (c == null) {
            synchronized (this) {
                if (completions == null) completions = new CachedCompletions(buildCompletions(), System.currentTimeMillis());
                return completions.completions;
            }
        }
        if (System.currentTimeMillis() - c.builtAt >= COMPLETIONS_MAX_AGE_MS && rebuildingCompletions.compareAndSet(false, true)) {
            Thread.ofVirtual().name("solr-completions").start(() -> {
                try {
                    CachedCompletions old = completions;
                    completions = new CachedCompletions(buildCompletions(), System.currentTimeMillis());
                    closeLater(old.completions);
                } catch (IOException | RuntimeException e) {
                    LoggerFactory.getLogger(SolrSearch.class).warn("rebuilding the completions failed; the previous ones still answer", e);
                } finally {
                    rebuildingCompletions.set(false);
                }
            });
        }
        return c.completions;
    }

    private Completions buildCompletions() throws IOException {
        Completions.Builder builder = new Completions.Builder();
        index.forEach(Schema.KIND + ":" + Schema.KIND_ARTICLE, Schema.ID + "," + Schema.TITLE, doc -> {
            String title = SolrDocuments.string(doc, Schema.TITLE);
            if (title != null) builder.add(title, "title", 1);
        });
        SolrQuery q = new SolrQuery(Schema.KIND + ":" + Schema.KIND_ARTICLE).setRows(0).setFacet(true)
                .setFacetLimit(-1).setFacetMinCount(1)
                .addFacetField(SolrDocuments.facetField(Schema.SPEAKER), SolrDocuments.facetField(Schema.COMPANY));
        QueryResponse r = solr.request(new QueryRequest(q));
        for (FacetField.Count s : r.getFacetField(SolrDocuments.facetField(Schema.SPEAKER)).getValues()) builder.add(s.getName(), "speaker", s.getCount());
        for (FacetField.Count s : r.getFacetField(SolrDocuments.facetField(Schema.COMPANY)).getValues()) builder.add(s.getName(), "company", s.getCount());
        return builder.build();
    }

    /** A lookup may still be running on the old completions: give it time before closing them. */
    private static void closeLater(Completions old) {
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(10_000);
                old.close();
            } catch (InterruptedException | IOException ignored) {
                // memory only; the collector takes it either way
            }
        });
    }

    @Override
    public AnalysedArticle article(String id) throws IOException {
        return index.get(id);
    }

    /** More like this: Solr's {@code mlt} parser on the title and body, as the embedded index's MoreLikeThis is set. */
    @Override
    public List<Hit> similar(String id, int count) throws IOException {
        if (index.get(id) == null) return List.of();
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "{!mlt qf=" + Schema.TITLE + "," + Schema.TEXT + " mintf=1 mindf=2 maxqt=25 v=$id}");
        p.set("id", id);
        p.add("fq", Schema.KIND + ":" + Schema.KIND_ARTICLE);
        p.add("fq", "-" + Schema.ID + ":" + org.apache.solr.client.solrj.util.ClientUtils.escapeQueryChars(id));
        p.set("rows", count);
        p.set("fl", HIT_FIELDS);
        List<Hit> hits = new ArrayList<>();
        for (SolrDocument doc : solr.request(new QueryRequest(p)).getResults()) {
            Mentions m = Schema.fromJson(SolrDocuments.string(doc, Schema.MENTIONS));
            String date = SolrDocuments.string(doc, Schema.DATE);
            hits.add(new Hit(SolrDocuments.string(doc, Schema.ID), SolrDocuments.string(doc, Schema.TITLE),
                    SolrDocuments.string(doc, Schema.URL), SolrDocuments.string(doc, Schema.valueField(Schema.SITE)),
                    date == null ? null : LocalDate.parse(date), SolrDocuments.string(doc, Schema.AUTHOR),
                    m.speakers().stream().map(Speaker::name).toList(), m.companies().stream().map(Company::name).toList(),
                    SolrDocuments.strings(doc, Schema.valueField(Schema.TAG)), List.of(), score(doc)));
        }
        return hits;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
