package verbatim.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.Company;
import verbatim.analysis.FrenchAnalysis;
import verbatim.analysis.Mentions;
import verbatim.analysis.Quote;
import verbatim.analysis.Speaker;
import verbatim.ingest.Article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.Set;

/**
 * The fields of the index and how each is analysed. Kept in one place because a second engine
 * (Solr) must reproduce exactly this schema.
 *
 * <p>An article is stored as a block: one document per quote, then the article's own document.
 * Every document of the block carries the article's id in {@link #ARTICLE_ID}, so one term
 * replaces or deletes the whole block atomically. {@link #KIND} tells the two apart.
 */
public final class Schema {

    public static final String KIND = "kind";
    public static final String KIND_ARTICLE = "article";
    public static final String KIND_QUOTE = "quote";
    /** The article's id, on the article and on each of its quotes. */
    public static final String ARTICLE_ID = "article_id";

    public static final String ID = "id";
    /** A unique sort key on every document (an article's id; a quote's is its article's, numbered): breaks ties so cursors are stable. */
    public static final String SORT_ID = "sort_id";
    public static final String SOURCE = "source";
    public static final String HASH = "hash";
    public static final String URL = "url";
    /** Stemmed French, for relevance. */
    public static final String TITLE = "title";
    public static final String TEXT = "text";
    /** Unstemmed, every word kept: for quoted phrases. */
    public static final String TITLE_EXACT = "title_exact";
    public static final String TEXT_EXACT = "text_exact";
    public static final String AUTHOR = "author";
    public static final String LANG = "lang";
    /** The publication day as ISO text (stored) and as an epoch day (points and doc values, for ranges and sorting). */
    public static final String DATE = "date";
    public static final String DAY = "day";
    /** Entities and what was said, as JSON, to give them back with the article. */
    public static final String MENTIONS = "mentions";

    /**
     * Keyword fields: filtered and searched by their folded form ({@link #key}), so {@code Éric Ochs}
     * and {@code eric ochs} are one value; counted by their display form in the facet of the same name.
     */
    public static final String SPEAKER = "speaker";
    public static final String COMPANY = "company";
    public static final String TAG = "tag";
    public static final String SITE = "site";
    public static final String YEAR = "year";
    public static final List<String> FACETS = List.of(SPEAKER, COMPANY, TAG, SITE, YEAR);

    /**
     * Quote documents: the quoted text is indexed (not stored) in {@link #TEXT} and {@link #TEXT_EXACT}; what a hit
     * shows is read back from its article's {@link #MENTIONS}, where it is quote number {@code QUOTE_NUMBER}.
     */
    public static final String QUOTE_NUMBER = "quote_number";
    /** What quote documents stored before {@link #QUOTE_NUMBER}: read from indexes written by older versions only. */
    private static final String OLD_QUOTE_INDIRECT = "quote_indirect";
    private static final String OLD_QUOTE_START = "quote_start";
    private static final String OLD_QUOTE_END = "quote_end";

    /** Body text keeps offsets in the postings so highlighting needs no re-analysis. */
    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    /** The same index options, not stored: an empty title on documents that have none, to keep title norms dense. */
    private static final FieldType INDEXED_WITH_OFFSETS = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
        INDEXED_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        INDEXED_WITH_OFFSETS.freeze();
    }

    private static final FacetsConfig FACETS_CONFIG = new FacetsConfig();

    static {
        for (String multi : List.of(SPEAKER, COMPANY, TAG)) FACETS_CONFIG.setMultiValued(multi, true);
        // Facet filters match the folded keyword term of the field itself (LuceneSearch drills down with that query), so the
        // facet module's own drill-down terms, one per value of every article and quote, were written and never read.
        for (String dim : FACETS) FACETS_CONFIG.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter MENTIONS_WRITER = JSON.writerFor(Mentions.class);
    private static final ObjectReader MENTIONS_READER = JSON.readerFor(Mentions.class);

    private Schema() {
    }

    /** How facet fields are laid out; the same config must be used to count them. */
    public static FacetsConfig facetsConfig() {
        return FACETS_CONFIG;
    }

    /** The analyzer for every field: stemmed French by default, exact for the {@code *_exact} fields. */
    public static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(FrenchAnalysis.stemmed(), Map.of(
                TITLE_EXACT, FrenchAnalysis.exact(), TEXT_EXACT, FrenchAnalysis.exact()));
    }

    /** Compiled once: key() runs for every facet label of every search. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * The folded form of a keyword value, used to filter and search: lower case, no accents, one
     * kind of apostrophe, single spaces. {@code key("Éric  Ochs")} is {@code "eric ochs"}.
     */
    public static String key(String value) {
        if (plainAscii(value)) return value.toLowerCase(Locale.ROOT); // what the general path gives, without its regexes
        String latin1 = latin1Key(value);
        if (latin1 != null) return latin1;
        String decomposed = MARKS.matcher(Normalizer.normalize(value, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(FrenchAnalysis.foldApostrophes(decomposed)).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /** What decomposing each Latin-1 char and dropping its marks leaves of it ("é" → "e", "æ" → "æ"). */
    private static final String[] UNMARKED_LATIN1 = new String[0x100];

    static {
        for (char c = 0; c < UNMARKED_LATIN1.length; c++) {
            UNMARKED_LATIN1[c] = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)).replaceAll("");
        }
    }

    /**
     * {@link #key} of a value written in Latin-1 chars only (accented names: "Frédéric Lévy", "Société Générale"), by
     * the same steps char by char, without {@link Normalizer} and the regexes (a key is made for every name of every
     * article at ingest); null for any other value. A Latin-1 char decomposes alone: none is a combining mark.
     */
    private static String latin1Key(String value) {
        StringBuilder b = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) return null;
            String unmarked = UNMARKED_LATIN1[c];
            for (int k = 0; k < unmarked.length(); k++) {
                char d = unmarked.charAt(k);
                if (d == ' ' || d == '\t' || d == '\n' || d == '\u000B' || d == '\f' || d == '\r') { // the regex's \s
                    if (!space) b.append(' ');
                    space = true;
                } else {
                    b.append(FrenchAnalysis.isApostrophe(d) ? '\'' : d);
                    space = false;
                }
            }
        }
        return b.toString().strip().toLowerCase(Locale.ROOT);
    }

    /** Printable ASCII with single inner spaces only: nothing for {@link #key} to decompose, collapse or strip. */
    private static boolean plainAscii(String value) {
        int n = value.length();
        if (n == 0 || value.charAt(0) == ' ' || value.charAt(n - 1) == ' ') return false;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c > 0x7e || c < 0x20 || c == '`' || c == ' ' && value.charAt(i - 1) == ' ') return false;
        }
        return true;
    }

    /** The documents of one article's block: its quotes first, the article last (Lucene's block order). */
    static List<Document> toDocuments(AnalysedArticle analysed) {
        Article a = analysed.article();
        Mentions m = analysed.mentions();
        List<Document> block = new ArrayList<>();
        List<String[]> filters = m.quotes().isEmpty() ? List.of() : quoteFilters(a);
        for (int i = 0; i < m.quotes().size(); i++) block.add(build(quoteDocument(a, m.quotes().get(i), i, filters)));
        block.add(build(articleDocument(a, m)));
        return block;
    }

    private static Document articleDocument(Article a, Mentions m) {
        Document doc = new Document();
        doc.add(new StringField(KIND, KIND_ARTICLE, Field.Store.NO));
        doc.add(new StringField(ARTICLE_ID, a.id(), Field.Store.NO));
        doc.add(new StringField(ID, a.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(SORT_ID, new BytesRef(a.id())));
        doc.add(new StringField(SOURCE, a.source(), Field.Store.YES));
        doc.add(new StoredField(HASH, a.contentHash()));
        if (a.url() != null) doc.add(new StoredField(URL, a.url()));
        if (a.title() != null) {
            doc.add(new Field(TITLE, a.title(), TEXT_WITH_OFFSETS));
            doc.add(new TextField(TITLE_EXACT, a.title(), Field.Store.NO));
        } else {
            emptyTitle(doc);
        }
        doc.add(new Field(TEXT, a.text(), TEXT_WITH_OFFSETS));
        doc.add(new TextField(TEXT_EXACT, a.text(), Field.Store.NO));
        if (a.author() != null) doc.add(new StoredField(AUTHOR, a.author()));
        if (a.lang() != null) doc.add(new StringField(LANG, a.lang(), Field.Store.YES));
        if (a.date() != null) {
            doc.add(new StoredField(DATE, a.date().toString()));
            doc.add(new LongPoint(DAY, a.date().toEpochDay()));
            doc.add(new NumericDocValuesField(DAY, a.date().toEpochDay()));
            keyword(doc, YEAR, Integer.toString(a.date().getYear()), true);
        }
        if (a.site() != null) keyword(doc, SITE, a.site(), true);
        for (String tag : distinct(a.tags())) keyword(doc, TAG, tag, true);
        // Stored as well as in the mentions JSON: hit lists and completions read the names without parsing the quotes.
        for (String speaker : distinct(m.speakers().stream().map(Speaker::name).toList())) keyword(doc, SPEAKER, speaker, true);
        for (String company : distinct(m.companies().stream().map(Company::name).toList())) keyword(doc, COMPANY, company, true);
        doc.add(new StoredField(MENTIONS, toJson(m)));
        return doc;
    }

    /**
     * The article's year, site and tags as (field, folded value) pairs, to filter its quotes (counted only by
     * speaker and company): the same on each quote, so folded once per article.
     */
    private static List<String[]> quoteFilters(Article a) {
        List<String[]> filters = new ArrayList<>();
        if (a.date() != null) addFilter(filters, YEAR, Integer.toString(a.date().getYear()));
        if (a.site() != null) addFilter(filters, SITE, a.site());
        for (String tag : distinct(a.tags())) addFilter(filters, TAG, tag);
        return filters;
    }

    private static void addFilter(List<String[]> filters, String field, String value) {
        if (value != null && !value.isBlank()) filters.add(new String[] {field, key(value)});
    }

    private static Document quoteDocument(Article a, Quote q, int n, List<String[]> filters) {
        Document doc = new Document();
        doc.add(new StringField(KIND, KIND_QUOTE, Field.Store.NO));
        doc.add(new SortedDocValuesField(SORT_ID, new BytesRef(a.id() + "#" + n)));
        doc.add(new StringField(ARTICLE_ID, a.id(), Field.Store.YES));
        doc.add(new StoredField(QUOTE_NUMBER, n));
        // The quote goes in the same text fields as article bodies: every document then has them, which
        // keeps their norms dense (sparse norms made every flush markedly slower). Not stored: the article's
        // mentions hold the text, the speaker and the offsets already.
        doc.add(new Field(TEXT, q.text(), INDEXED_WITH_OFFSETS));
        doc.add(new TextField(TEXT_EXACT, q.text(), Field.Store.NO));
        emptyTitle(doc);
        if (q.speaker() != null) keyword(doc, SPEAKER, q.speaker(), false);
        if (q.company() != null) keyword(doc, COMPANY, q.company(), false);
        if (a.date() != null) {
            doc.add(new LongPoint(DAY, a.date().toEpochDay()));
            doc.add(new NumericDocValuesField(DAY, a.date().toEpochDay()));
        }
        for (String[] filter : filters) doc.add(new StringField(filter[0], filter[1], Field.Store.NO));
        return doc;
    }

    /**
     * The quote a quote document stands for, given its stored fields and the mentions of its article; null when
     * neither has it.
     */
    public static Quote quote(Document quoteDoc, Mentions ofArticle) {
        IndexableField number = quoteDoc.getField(QUOTE_NUMBER);
        if (number != null) {
            int n = number.numericValue().intValue();
            return n < ofArticle.quotes().size() ? ofArticle.quotes().get(n) : null;
        }
        IndexableField start = quoteDoc.getField(OLD_QUOTE_START);
        IndexableField end = quoteDoc.getField(OLD_QUOTE_END);
        IndexableField indirect = quoteDoc.getField(OLD_QUOTE_INDIRECT);
        if (start == null || end == null || indirect == null || quoteDoc.get(TEXT) == null) return null;
        return new Quote(quoteDoc.get(TEXT), quoteDoc.get(valueField(SPEAKER)), quoteDoc.get(valueField(COMPANY)),
                indirect.numericValue().intValue() == 1, start.numericValue().intValue(), end.numericValue().intValue());
    }

    /**
     * An empty, unstored title: no term, no stored value, no effect on scores (an empty field counts in no
     * statistic), but a norm of 0, so every document of a segment has title norms. Sparse norms are read
     * through {@code IndexedDISI} for every posting at each flush, which cost about 5 % of ingest.
     */
    private static void emptyTitle(Document doc) {
        doc.add(new Field(TITLE, "", INDEXED_WITH_OFFSETS));
        doc.add(new TextField(TITLE_EXACT, "", Field.Store.NO));
    }

    /** Receives one stored document. */
    public interface DocumentConsumer {
        void accept(Document doc) throws IOException;
    }

    /**
     * Every live article document of {@code searcher}'s reader, with only {@code fields} loaded. The quote
     * documents stored beside the articles (as many again) are skipped without being read.
     */
    public static void forEachArticle(IndexSearcher searcher, Set<String> fields, DocumentConsumer consumer) throws IOException {
        Weight articles = searcher.createWeight(searcher.rewrite(new TermQuery(new Term(KIND, KIND_ARTICLE))),
                ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = articles.scorer(leaf);
            if (scorer == null) continue;
            Bits live = leaf.reader().getLiveDocs();
            StoredFields stored = leaf.reader().storedFields();
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live == null || live.get(doc)) consumer.accept(stored.document(doc, fields));
            }
        }
    }

    /** The stored, as-written form of a keyword field. */
    public static String valueField(String keywordField) {
        return keywordField + "_value";
    }

    /** A keyword value: folded for matching, stored as written, counted in its facet. */
    private static void keyword(Document doc, String field, String value, boolean store) {
        if (value == null || value.isBlank()) return;
        doc.add(new StringField(field, key(value), Field.Store.NO));
        if (store) doc.add(new StoredField(valueField(field), value));
        doc.add(new SortedSetDocValuesFacetField(field, value.strip()));
    }

    private static Document build(Document doc) {
        try {
            return FACETS_CONFIG.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values once each, stripped, without blanks, the first written form of each folded value kept. */
    public static List<String> distinct(List<String> values) {
        Set<String> seenKeys = new java.util.HashSet<>();
        List<String> out = new ArrayList<>();
        for (String v : new LinkedHashSet<>(values)) {
            if (v != null && !v.isBlank() && seenKeys.add(key(v))) out.add(v.strip());
        }
        return out;
    }

    public static AnalysedArticle toAnalysedArticle(Document doc) {
        String date = doc.get(DATE);
        Article article = new Article(doc.get(ID), doc.get(SOURCE), doc.get(URL), doc.get(TITLE), doc.get(AUTHOR),
                date == null ? null : LocalDate.parse(date), doc.get(valueField(SITE)),
                Arrays.asList(doc.getValues(valueField(TAG))), doc.get(LANG), doc.get(TEXT));
        return new AnalysedArticle(article, fromJson(doc.get(MENTIONS)));
    }

    static final Set<String> ENTRY_FIELDS = Set.of(ID, SOURCE, HASH);

    static ArticleIndex.Entry toEntry(Document doc) {
        return new ArticleIndex.Entry(doc.get(ID), doc.get(SOURCE), doc.get(HASH));
    }

    /** The entities and quotes as stored with an article. */
    public static String toJson(Mentions m) {
        try {
            return MENTIONS_WRITER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("mentions are plain records", e);
        }
    }

    /** The stored fields {@link #speakers} and {@link #companies} read. */
    public static final Set<String> NAME_FIELDS = Set.of(valueField(SPEAKER), valueField(COMPANY), MENTIONS);

    /** The names of the people an article document quotes, loaded with {@link #NAME_FIELDS}. */
    public static List<String> speakers(Document doc) {
        return names(doc, SPEAKER, m -> m.speakers().stream().map(Speaker::name).toList());
    }

    /** The names of the organisations an article document mentions, loaded with {@link #NAME_FIELDS}. */
    public static List<String> companies(Document doc) {
        return names(doc, COMPANY, m -> m.companies().stream().map(Company::name).toList());
    }

    /**
     * The stored names; an index written before they were stored apart has them only in the mentions JSON,
     * parsed then (its entity lists come first: empty lists are seen without parsing).
     */
    private static List<String> names(Document doc, String field, java.util.function.Function<Mentions, List<String>> fromMentions) {
        String[] stored = doc.getValues(valueField(field));
        if (stored.length > 0 || doc.getField(valueField(SPEAKER)) != null || doc.getField(valueField(COMPANY)) != null) {
            return List.of(stored);
        }
        String json = doc.get(MENTIONS);
        if (json == null || json.startsWith(NO_ENTITIES)) return List.of();
        return fromMentions.apply(fromJson(json));
    }

    private static final String NO_ENTITIES = "{\"speakers\":[],\"companies\":[]";

    /** The entities and quotes stored with an article document. */
    public static Mentions mentions(Document doc) {
        return fromJson(doc.get(MENTIONS));
    }

    /** The entities and quotes stored with an article; empty when absent or unreadable. */
    public static Mentions fromJson(String json) {
        if (json == null) return Mentions.EMPTY;
        try {
            return MENTIONS_READER.readValue(json);
        } catch (JsonProcessingException e) {
            return Mentions.EMPTY; // written by an older version: a --rebuild brings them back
        }
    }
}
