package verbatim.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.Company;
import verbatim.analysis.Mentions;
import verbatim.analysis.Quote;
import verbatim.analysis.Speaker;
import verbatim.index.LuceneArticleIndex;
import verbatim.index.Schema;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link Search} on the embedded Lucene index: drill-sideways facets, highlighted passages,
 * cursors that stay valid while the index changes.
 */
public final class LuceneSearch implements Search {

    /** Deeper than this, page numbers give way to cursors: the cost of a page grows with its depth. */
    public static final int MAX_PAGE_DEPTH = 10_000;
    public static final int FACET_VALUES = 10;
    public static final int SNIPPETS_PER_HIT = 3;
    /** Below this many hits, a better spelling of the query is looked for. */
    public static final int FEW_HITS = 3;

    private static final Map<String, String> KEYWORDS = Map.of("speaker", Schema.SPEAKER, "company", Schema.COMPANY,
            "tag", Schema.TAG, "site", Schema.SITE, "year", Schema.YEAR);
    /** Where an article search looks; public for the other engine (verbatim.solr), which searches the same way. */
    public static final UserQuery.Fields ARTICLE_FIELDS = new UserQuery.Fields(
            Map.of(Schema.TITLE, 3f, Schema.TEXT, 1f), Map.of(Schema.TITLE_EXACT, 3f, Schema.TEXT_EXACT, 1f), KEYWORDS);
    /**
     * The query aimed at the stored text (an article's body, a quote's words), so stems and phrases can be
     * marked where they occur.
     */
    public static final UserQuery.Fields HIGHLIGHT = new UserQuery.Fields(
            Map.of(Schema.TEXT, 1f), Map.of(Schema.TEXT, 1f), KEYWORDS);
    public static final UserQuery.Fields QUOTE_FIELDS = new UserQuery.Fields(
            Map.of(Schema.TEXT, 1f), Map.of(Schema.TEXT_EXACT, 1f), KEYWORDS);
    private static final List<String> QUOTE_FACETS = List.of(Schema.SPEAKER, Schema.COMPANY);

    private final LuceneArticleIndex index;
    private final LiveCompletions completions;
    private volatile Cached cached;

    /**
     * What is built once per index reader: the facet labels, the highlighter (it reads the reader's field infos), and a
     * searcher without a query cache for estimating costs (asking a cached filter for its cost may build its bit set),
     * and the browses answered.
     */
    private record Cached(Object readerKey, FacetLabels labels, Snippets snippets, IndexSearcher estimating, Browses browses) {
    }

    public LuceneSearch(LuceneArticleIndex index) {
        this.index = index;
        this.completions = new LiveCompletions(index);
    }

    @Override
    public SearchResponse<Hit> articles(SearchRequest request) throws IOException {
        long start = System.nanoTime();
        return index.withSearcher(searcher -> {
            Browses browses = BROWSE_CACHE ? cached(searcher).browses : null;
            Browses.Key browse = browses == null ? null : Browses.key(request, Schema.FACETS);
            if (browse != null) {
                SearchResponse<Hit> answered = browses.get(browse);
                if (answered != null) return new SearchResponse<>(answered.total(), millisSince(start), answered.hits(),
                        answered.facets(), answered.suggestion(), answered.nextCursor());
            }
            SearchResponse<Hit> response = search(searcher, request, start);
            if (browse != null) browses.put(browse, response);
            return response;
        });
    }

    /**
     * Whether browses (no words, no dates: a filter page, the newest articles) are answered from the answers already
     * given on the same reader. Such an answer depends on the reader and the filters only; a write opens a new reader
     * and so starts afresh. It only helps browses asked again (bench/README, latency8); {@code
     * -Dverbatim.search.browseCache=false} turns it off.
     */
    static final boolean BROWSE_CACHE = !"false".equals(System.getProperty("verbatim.search.browseCache"));

    private SearchResponse<Hit> search(IndexSearcher searcher, SearchRequest request, long start) throws IOException {
        Found found = find(searcher, request, ARTICLE_FIELDS, Schema.KIND_ARTICLE, Schema.FACETS);
        Query highlight = UserQuery.parse(request.query(), HIGHLIGHT);
        int[] docIds = Arrays.stream(found.docs).mapToInt(d -> d.doc).toArray();
        // Each hit's stored fields read once, body included, for the hit and its passages: reading a document
        // decompresses its whole block, and reading it twice was a sixth of a search's CPU.
        // Past TEXTS_KEPT characters (long articles, big pages) the highlighter reads the bodies again itself, a
        // batch at a time, so that a request never holds a page of whole bodies.
        List<Document> docs = new ArrayList<>(docIds.length);
        Map<Integer, String> texts = new HashMap<>();
        long chars = 0;
        for (int doc : docIds) {
            Document d = searcher.storedFields().document(doc, HIT_FIELDS_AND_TEXT);
            String text = d.get(Schema.TEXT);
            d.removeFields(Schema.TEXT);
            docs.add(d);
            chars += text == null ? 0 : text.length();
            if (texts != null) {
                if (chars <= TEXTS_KEPT) texts.put(doc, text);
                else texts = null;
            }
        }
        List<List<String>> snippets = cached(searcher).snippets.passages(Schema.TEXT, highlight, docIds, SNIPPETS_PER_HIT, texts);
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < found.docs.length; i++) hits.add(toHit(docs.get(i), snippets.get(i), score(found.docs[i])));
        String suggestion = found.total < FEW_HITS ? Spelling.suggest(searcher, request.query()) : null;
        return new SearchResponse<>(found.total, millisSince(start), hits, found.facets, suggestion, found.nextCursor);
    }

    @Override
    public SearchResponse<QuoteHit> quotes(SearchRequest request) throws IOException {
        long start = System.nanoTime();
        return index.withSearcher(searcher -> {
            Found found = find(searcher, request, QUOTE_FIELDS, Schema.KIND_QUOTE, QUOTE_FACETS);
            // A quote document stores only where its quote is: the quote itself comes from its article's mentions.
            Map<Integer, String> quoteTexts = new HashMap<>();
            List<Quote> quotes = new ArrayList<>();
            List<Document> articles = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            Map<String, Mentions> mentionsOf = new HashMap<>(); // a page often shows several quotes of one article
            for (ScoreDoc d : found.docs) {
                Document q = stored.document(d.doc);
                Document article = articleDocument(searcher, stored, d.doc, q.get(Schema.ARTICLE_ID));
                Quote quote = Schema.quote(q, article == null ? Mentions.EMPTY
                        : mentionsOf.computeIfAbsent(article.get(Schema.ID), id -> Schema.mentions(article)));
                quotes.add(quote);
                articles.add(article);
                if (quote != null) quoteTexts.put(d.doc, quote.text());
            }
            Query highlight = UserQuery.parse(request.query(), HIGHLIGHT);
            int[] docIds = Arrays.stream(found.docs).mapToInt(d -> d.doc).filter(quoteTexts::containsKey).toArray();
            List<List<String>> snippets = cached(searcher).snippets.passages(Schema.TEXT, highlight, docIds, 1, quoteTexts);
            Map<Integer, String> snippetOf = new HashMap<>();
            for (int i = 0; i < docIds.length; i++) if (!snippets.get(i).isEmpty()) snippetOf.put(docIds[i], snippets.get(i).get(0));
            List<QuoteHit> hits = new ArrayList<>();
            for (int i = 0; i < found.docs.length; i++) {
                Quote q = quotes.get(i);
                Document article = articles.get(i);
                QuoteHit.ArticleRef ref = article == null ? null : new QuoteHit.ArticleRef(article.get(Schema.ID),
                        article.get(Schema.TITLE), article.get(Schema.URL),
                        article.get(Schema.DATE) == null ? null : LocalDate.parse(article.get(Schema.DATE)),
                        q == null ? 0 : q.start(), q == null ? 0 : q.end());
                hits.add(q == null ? new QuoteHit(null, null, null, false, null, ref)
                        : new QuoteHit(q.text(), q.speaker(), q.company(), q.indirect(), snippetOf.get(found.docs[i].doc), ref));
            }
            return new SearchResponse<>(found.total, millisSince(start), hits, found.facets, null, found.nextCursor);
        });
    }

    /**
     * The documents the search will visit, weighed: most of a search's CPU beyond a fixed part (parsing, the page's
     * stored fields and passages) grows with them (scoring, sorting, facet counting). Lucene tells how many documents
     * a query may match without matching them (a scorer's cost: the shortest posting list of a conjunction, the sum
     * of a disjunction's); that rank-correlates with a search's measured CPU at 0.7 over the bench mix (Spearman,
     * bench/CostRank.java), better than the request's category does (0.5). The weights are a least-squares fit on
     * that mix (bench/README, latency6).
     */
    @Override
    public long articlesCost(SearchRequest request) throws IOException {
        return cost(request, ARTICLE_FIELDS, Schema.KIND_ARTICLE, Schema.FACETS, 920, 65);
    }

    /** As {@link #articlesCost}: a quote hit costs less than an article's (one short passage, no body to read). */
    @Override
    public long quotesCost(SearchRequest request) throws IOException {
        return cost(request, QUOTE_FIELDS, Schema.KIND_QUOTE, QUOTE_FACETS, 650, 40);
    }

    /** {@code fixed} microseconds and {@code perThousand} more per thousand documents visited. */
    private long cost(SearchRequest request, UserQuery.Fields fields, String kind, List<String> facetDims,
                      long fixed, long perThousand) throws IOException {
        return index.withSearcher(searcher -> {
            // What find() iterates: the drill-down query when browsing, else the base query (drill sideways).
            List<String> drilled = facetDims.stream().filter(d -> !request.filters().getOrDefault(d, List.of()).isEmpty()).toList();
            Query visited = browsing(request, facetDims) && drilled.size() <= 1
                    ? drillDown(request, fields, kind, facetDims) : baseQuery(request, fields, kind, facetDims);
            IndexSearcher estimating = cached(searcher).estimating;
            Weight weight = estimating.createWeight(estimating.rewrite(visited), ScoreMode.COMPLETE_NO_SCORES, 1f);
            long documents = 0;
            for (LeafReaderContext leaf : estimating.getIndexReader().leaves()) {
                ScorerSupplier scorers = weight.scorerSupplier(leaf);
                if (scorers != null) documents += scorers.cost();
            }
            return fixed + documents * perThousand / 1000;
        });
    }

    @Override
    public List<Suggestion> suggest(String prefix, int count) throws IOException {
        if (prefix.isBlank()) return List.of();
        return completions.lookup(prefix, count);
    }

    /** Builds the completions in the background, so the first user to type does not wait for them. */
    public void warmUp() {
        completions.warmUp();
    }

    @Override
    public AnalysedArticle article(String id) throws IOException {
        return index.get(id);
    }

    @Override
    public List<Hit> similar(String id, int count) throws IOException {
        return index.withSearcher(searcher -> {
            TopDocs self = searcher.search(new TermQuery(new Term(Schema.ID, id)), 1);
            if (self.scoreDocs.length == 0) return List.of();
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(Schema.analyzer());
            mlt.setFieldNames(new String[] {Schema.TITLE, Schema.TEXT});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(2);
            mlt.setMaxQueryTerms(25);
            Query like = new BooleanQuery.Builder()
                    .add(mlt.like(self.scoreDocs[0].doc), BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(Schema.KIND, Schema.KIND_ARTICLE)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(Schema.ID, id)), BooleanClause.Occur.MUST_NOT)
                    .build();
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc d : searcher.search(like, count).scoreDocs) {
                hits.add(toHit(searcher.storedFields().document(d.doc, HIT_FIELDS), List.of(), score(d)));
            }
            return hits;
        });
    }

    /** What a hit shows: everything stored but the body, which the highlighter reads on its own. */
    private static final Set<String> HIT_FIELDS = union(Set.of(Schema.ID, Schema.TITLE, Schema.URL, Schema.valueField(Schema.SITE),
            Schema.DATE, Schema.AUTHOR, Schema.valueField(Schema.TAG)), Schema.NAME_FIELDS);

    private static final Set<String> HIT_FIELDS_AND_TEXT = union(HIT_FIELDS, Set.of(Schema.TEXT));

    /** The most body characters a request keeps for highlighting: the highlighter's own batch size. */
    static final int TEXTS_KEPT = 512 * 1024;

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static Hit toHit(Document doc, List<String> snippets, float score) {
        String date = doc.get(Schema.DATE);
        return new Hit(doc.get(Schema.ID), doc.get(Schema.TITLE), doc.get(Schema.URL), doc.get(Schema.valueField(Schema.SITE)),
                date == null ? null : LocalDate.parse(date), doc.get(Schema.AUTHOR),
                Schema.speakers(doc), Schema.companies(doc), List.of(doc.getValues(Schema.valueField(Schema.TAG))), snippets, score);
    }

    /** The page of documents a request asks for, with its facets and total. */
    private record Found(ScoreDoc[] docs, long total, Map<String, List<FacetCount>> facets, String nextCursor) {
    }

    private Found find(IndexSearcher searcher, SearchRequest request, UserQuery.Fields fields, String kind,
                       List<String> facetDims) throws IOException {
        FacetLabels labels = cached(searcher).labels;
        DrillDownQuery query = drillDown(request, fields, kind, facetDims);
        Sort sort = request.sort() == SearchRequest.Sort.DATE ? Cursor.BY_DATE : Cursor.BY_RELEVANCE;
        // Sorted by relevance, the collector keeps each hit's score already, as its first sort value: asking for scores
        // again would build the query's weight a second time and score the page anew (a twentieth of all search CPU).
        boolean byScore = sort == Cursor.BY_RELEVANCE;
        FieldDoc after = request.cursor() == null ? null : Cursor.decode(request.cursor(), request.sort());
        // In long: (page - 1) * size overflows an int for pages the API accepts (up to 2^31 - 1).
        long depth = after == null ? (long) (request.page() - 1) * request.size() : 0;
        if (depth + request.size() > MAX_PAGE_DEPTH) {
            throw new IllegalArgumentException("page " + request.page() + " of " + request.size()
                    + " is deeper than " + MAX_PAGE_DEPTH + " hits: follow next_cursor instead");
        }
        int offset = (int) depth;
        int topN = offset + request.size();

        TopDocs top;
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        List<String> drilled = facetDims.stream().filter(d -> !request.filters().getOrDefault(d, List.of()).isEmpty()).toList();
        FacetOrdinals ordinals = labels.ordinals();
        if (ordinals != null && browsing(request, facetDims) && drilled.size() <= 1) {
            // Drill sideways, the counts of the one filtered dimension are those of the base query alone; when that is
            // every document of the kind, they are the same for every such request on this reader: counted once.
            Map<String, List<FacetCount>> all = labels.countsOfAll(kind, () -> countAll(searcher, ordinals, kind, facetDims));
            // Not FacetsCollectorManager.searchAfter: it refuses a cursor's doc id, which is past every reader's end by design.
            TopFieldCollectorManager hits = new TopFieldCollectorManager(sort, topN, after, Integer.MAX_VALUE);
            int[] drilledDown = null;
            if (drilled.isEmpty()) {
                top = searcher.search(query, hits);
            } else {
                Object[] result = searcher.search(query, new MultiCollectorManager(hits, ordinals.counting()));
                top = (TopDocs) result[0];
                drilledDown = (int[]) result[1];
            }
            if (!byScore) TopFieldCollector.populateScores(top.scoreDocs, searcher, query); // as drill sideways does
            for (String dim : facetDims) {
                facets.put(dim, drilledDown == null || drilled.contains(dim) ? all.get(dim) : counts(ordinals, drilledDown, dim));
            }
        } else if (ordinals != null) {
            // Lucene's drill sideways, with the facets counted as the hits are collected: the hits matching every filter
            // for the dimensions not filtered, and for each filtered dimension those matching every other filter.
            List<String> sideways = drilledInQueryOrder(request, facetDims);
            List<CollectorManager<FacetOrdinals.Counter, int[]>> sidewaysCounts = new ArrayList<>();
            for (String dim : sideways) sidewaysCounts.add(ordinals.counting(dim));
            int limit = Math.max(1, searcher.getIndexReader().maxDoc()); // as DrillSideways.search(query, ..., sort, ...)
            DrillSideways.Result<Object[], int[]> result = new DrillSideways(searcher, Schema.facetsConfig(), labels.state())
                    .search(query, new MultiCollectorManager(new TopFieldCollectorManager(sort, Math.min(topN, limit), after,
                            Integer.MAX_VALUE), ordinals.counting()), sidewaysCounts);
            top = (TopDocs) result.drillDownResult()[0];
            if (!byScore) TopFieldCollector.populateScores(top.scoreDocs, searcher, query);
            int[] drilledDown = (int[]) result.drillDownResult()[1];
            for (String dim : facetDims) {
                int i = sideways.indexOf(dim);
                facets.put(dim, counts(ordinals, i < 0 ? drilledDown : result.drillSidewaysResults().get(i), dim));
            }
        } else {
            top = searcher.search(query, new TopFieldCollectorManager(sort, topN, after, Integer.MAX_VALUE));
            for (String dim : facetDims) facets.put(dim, List.of());
        }
        if (byScore) {
            for (ScoreDoc d : top.scoreDocs) d.score = (Float) ((FieldDoc) d).fields[0];
        }
        long total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? top.totalHits.value() : searcher.count(query);
        ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(offset, top.scoreDocs.length), top.scoreDocs.length);
        boolean more = offset + page.length < total && page.length == request.size();
        String next = more ? Cursor.encode((FieldDoc) page[page.length - 1], request.sort()) : null;
        return new Found(page, total, facets, next);
    }

    /** The base query with the facet filters drilled down. */
    private static DrillDownQuery drillDown(SearchRequest request, UserQuery.Fields fields, String kind, List<String> facetDims) {
        DrillDownQuery query = new DrillDownQuery(Schema.facetsConfig(), baseQuery(request, fields, kind, facetDims));
        for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
            // A plain filter is in the base query. A facet's values drill down by their folded form, indexed beside
            // the label: every spelling of the value at once, with nothing to look up in the reader's facet labels.
            if (!facetDims.contains(filter.getKey()) || filter.getValue().isEmpty()) continue;
            query.add(filter.getKey(), anyOf(filter.getKey(), filter.getValue()));
        }
        return query;
    }

    /** No words, no dates, no filter but on facets: a request that lists every document of its kind, or a facet's share of them. */
    private static boolean browsing(SearchRequest request, List<String> facetDims) {
        if (!request.query().isBlank() || request.from() != null || request.to() != null) return false;
        for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
            if (!facetDims.contains(filter.getKey()) && !filter.getValue().isEmpty()) return false;
        }
        return true;
    }

    /** The facet counts of every live document of {@code kind}. */
    private static Map<String, List<FacetCount>> countAll(IndexSearcher searcher, FacetOrdinals ordinals, String kind,
                                                          List<String> facetDims) throws IOException {
        int[] every = searcher.search(new TermQuery(new Term(Schema.KIND, kind)), ordinals.counting());
        Map<String, List<FacetCount>> counts = new LinkedHashMap<>();
        for (String dim : facetDims) counts.put(dim, counts(ordinals, every, dim));
        return Map.copyOf(counts);
    }

    /** The facet dimensions filtered, in the order the drill-down query adds them (its drill-sideways order). */
    private static List<String> drilledInQueryOrder(SearchRequest request, List<String> facetDims) {
        List<String> dims = new ArrayList<>();
        for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
            if (facetDims.contains(filter.getKey()) && !filter.getValue().isEmpty()) dims.add(filter.getKey());
        }
        return dims;
    }

    /** The query, the kind of document, the date range, and the filters on fields that are not counted as facets. */
    private static Query baseQuery(SearchRequest request, UserQuery.Fields fields, String kind, List<String> facetDims) {
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(UserQuery.parse(request.query(), fields), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Schema.KIND, kind)), BooleanClause.Occur.FILTER);
        for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
            if (facetDims.contains(filter.getKey())) continue;
            b.add(anyOf(filter.getKey(), filter.getValue()), BooleanClause.Occur.FILTER);
        }
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay();
            long to = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
            b.add(LongPoint.newRangeQuery(Schema.DAY, from, to), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    /** Documents with any of {@code values} in the keyword field {@code field}, compared folded ({@link Schema#key}). */
    private static Query anyOf(String field, List<String> values) {
        BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
        for (String value : values) anyOf.add(new TermQuery(new Term(field, Schema.key(value))), BooleanClause.Occur.SHOULD);
        return anyOf.build();
    }

    /**
     * The top values of a facet. Values differing only in case or accents are one value: their
     * counts are added and the most frequent spelling shows.
     */
    private static List<FacetCount> counts(FacetOrdinals ordinals, int[] counts, String dim) throws IOException {
        Map<String, FacetCount> merged = new LinkedHashMap<>();
        for (FacetOrdinals.Value v : ordinals.top(counts, dim, FACET_VALUES * 2)) {
            merged.merge(v.key(), new FacetCount(v.label(), v.count()),
                    (a, b) -> new FacetCount(a.count() >= b.count() ? a.value() : b.value(), a.count() + b.count()));
        }
        return merged.values().stream()
                .sorted((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.value().compareTo(b.value()))
                .limit(FACET_VALUES).toList();
    }

    private Cached cached(IndexSearcher searcher) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Object key = reader.getReaderCacheHelper() == null ? reader : reader.getReaderCacheHelper().getKey();
        Cached c = cached;
        if (c != null && c.readerKey == key) return c;
        synchronized (this) {
            c = cached;
            if (c != null && c.readerKey == key) return c;
            IndexSearcher estimating = new IndexSearcher(reader);
            estimating.setQueryCache(null);
            c = new Cached(key, FacetLabels.of(reader, Schema.facetsConfig()), new Snippets(searcher), estimating, new Browses());
            cached = c;
            return c;
        }
    }

    /** What a quote hit shows of its article, and its mentions, where the quote itself is: not its body. */
    private static final Set<String> QUOTE_ARTICLE_FIELDS = Set.of(Schema.ID, Schema.TITLE, Schema.URL, Schema.DATE, Schema.MENTIONS);

    /**
     * The article a quote document comes from: the first article document after it, as an article and its quotes are
     * indexed as one block, quotes first (blocks stay whole through merges). That costs a skip in one posting list
     * where a search by id cost a query's weight and collector for every quote shown. Searched by id all the same if
     * the block does not hold the article {@code id} names (an index written some other way).
     */
    private static Document articleDocument(IndexSearcher searcher, StoredFields stored, int quoteDoc, String id) throws IOException {
        if (id == null) return null;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(quoteDoc, leaves));
        PostingsEnum articles = leaf.reader().postings(new Term(Schema.KIND, Schema.KIND_ARTICLE), PostingsEnum.NONE);
        if (articles != null) {
            int next = articles.advance(quoteDoc - leaf.docBase + 1);
            if (next != DocIdSetIterator.NO_MORE_DOCS) {
                Document article = stored.document(leaf.docBase + next, QUOTE_ARTICLE_FIELDS);
                if (id.equals(article.get(Schema.ID))) return article;
            }
        }
        TopDocs top = searcher.search(new TermQuery(new Term(Schema.ID, id)), 1);
        return top.scoreDocs.length == 0 ? null : stored.document(top.scoreDocs[0].doc, QUOTE_ARTICLE_FIELDS);
    }

    private static float score(ScoreDoc doc) {
        return Float.isNaN(doc.score) ? 0f : doc.score;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
