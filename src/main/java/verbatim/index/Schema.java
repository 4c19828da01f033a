package verbatim.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.StoredFields;
import verbatim.analysis.FrenchAnalysis;
import verbatim.ingest.Article;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * The fields of an article in the index and how each is analysed. Kept in one place because a
 * second engine (Solr) must reproduce exactly this schema.
 */
public final class Schema {

    public static final String ID = "id";
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
    public static final String SITE = "site";
    public static final String TAG = "tag";
    public static final String LANG = "lang";
    /** The publication day as ISO text (stored) and as an epoch day (points and doc values). */
    public static final String DATE = "date";
    public static final String DAY = "day";

    /** Body text keeps offsets in the postings so highlighting needs no re-analysis. */
    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    private Schema() {
    }

    /** The analyzer for every field: stemmed French by default, exact for the {@code *_exact} fields. */
    public static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(FrenchAnalysis.stemmed(),
                Map.of(TITLE_EXACT, FrenchAnalysis.exact(), TEXT_EXACT, FrenchAnalysis.exact()));
    }

    static Document toDocument(Article a) {
        Document doc = new Document();
        doc.add(new StringField(ID, a.id(), Field.Store.YES));
        doc.add(new StringField(SOURCE, a.source(), Field.Store.YES));
        doc.add(new StoredField(HASH, a.contentHash()));
        if (a.url() != null) doc.add(new StoredField(URL, a.url()));
        if (a.title() != null) {
            doc.add(new Field(TITLE, a.title(), TEXT_WITH_OFFSETS));
            doc.add(new TextField(TITLE_EXACT, a.title(), Field.Store.NO));
        }
        doc.add(new Field(TEXT, a.text(), TEXT_WITH_OFFSETS));
        doc.add(new TextField(TEXT_EXACT, a.text(), Field.Store.NO));
        if (a.author() != null) doc.add(new StringField(AUTHOR, a.author(), Field.Store.YES));
        if (a.site() != null) doc.add(new StringField(SITE, a.site(), Field.Store.YES));
        for (String tag : a.tags()) doc.add(new StringField(TAG, tag, Field.Store.YES));
        if (a.lang() != null) doc.add(new StringField(LANG, a.lang(), Field.Store.YES));
        if (a.date() != null) {
            doc.add(new StoredField(DATE, a.date().toString()));
            doc.add(new LongPoint(DAY, a.date().toEpochDay()));
            doc.add(new NumericDocValuesField(DAY, a.date().toEpochDay()));
        }
        return doc;
    }

    static Article toArticle(Document doc) {
        String date = doc.get(DATE);
        return new Article(doc.get(ID), doc.get(SOURCE), doc.get(URL), doc.get(TITLE), doc.get(AUTHOR),
                date == null ? null : LocalDate.parse(date), doc.get(SITE), Arrays.asList(doc.getValues(TAG)),
                doc.get(LANG), doc.get(TEXT));
    }

    static ArticleIndex.Entry toEntry(StoredFields fields, int docId) throws IOException {
        Document doc = fields.document(docId, Set.of(ID, SOURCE, HASH));
        return new ArticleIndex.Entry(doc.get(ID), doc.get(SOURCE), doc.get(HASH));
    }
}
