package verbatim.solr;

import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.Company;
import verbatim.analysis.Mentions;
import verbatim.analysis.Quote;
import verbatim.analysis.Speaker;
import verbatim.index.Schema;
import verbatim.ingest.Article;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@link Schema}'s documents as Solr documents (the fields of {@code verbatim/solr/conf/schema.xml}): one per
 * article, one per quote. A quote's id is its article's id, {@code !} and its number: Solr's default router
 * then places it on its article's shard, and the ids still sort as the embedded index's tie-break does.
 */
final class SolrDocuments {

    static final String KIND_STATE = "state";
    /** The one document that holds the corpus state (it has no article fields, so no search finds it). */
    static final String STATE_ID = "_corpus_state";
    static final String CORPUS_STATE = "corpus_state";
    /** How many quote documents an article has, so a rewrite with fewer can delete the rest by id. */
    static final String QUOTE_COUNT = "quote_count";
    /**
     * A quote document here keeps its own text, flag and position (the embedded index reads them back from the
     * article): a quote hit then needs no second request for its article's mentions.
     */
    static final String QUOTE_INDIRECT = "quote_indirect";
    static final String QUOTE_START = "quote_start";
    static final String QUOTE_END = "quote_end";

    private SolrDocuments() {
    }

    static String quoteId(String articleId, int n) {
        return articleId + "!" + n;
    }

    static String facetField(String keywordField) {
        return keywordField + "_facet";
    }

    /** The article's document first, then its quotes'. */
    static List<SolrInputDocument> of(AnalysedArticle analysed) {
        Article a = analysed.article();
        Mentions m = analysed.mentions();
        List<SolrInputDocument> docs = new ArrayList<>();
        SolrInputDocument article = new SolrInputDocument();
        article.setField(Schema.ID, a.id());
        article.setField(Schema.KIND, Schema.KIND_ARTICLE);
        article.setField(Schema.ARTICLE_ID, a.id());
        article.setField(Schema.SOURCE, a.source());
        article.setField(Schema.HASH, a.contentHash());
        if (a.url() != null) article.setField(Schema.URL, a.url());
        if (a.title() != null) {
            article.setField(Schema.TITLE, a.title());
            article.setField(Schema.TITLE_EXACT, a.title());
        }
        article.setField(Schema.TEXT, a.text());
        article.setField(Schema.TEXT_EXACT, a.text());
        if (a.author() != null) article.setField(Schema.AUTHOR, a.author());
        if (a.lang() != null) article.setField(Schema.LANG, a.lang());
        if (a.date() != null) {
            article.setField(Schema.DATE, a.date().toString());
            article.setField(Schema.DAY, a.date().toEpochDay());
            keyword(article, Schema.YEAR, Integer.toString(a.date().getYear()), false);
        }
        if (a.site() != null) keyword(article, Schema.SITE, a.site(), true);
        for (String tag : Schema.distinct(a.tags())) keyword(article, Schema.TAG, tag, true);
        for (String s : Schema.distinct(m.speakers().stream().map(Speaker::name).toList())) keyword(article, Schema.SPEAKER, s, false);
        for (String c : Schema.distinct(m.companies().stream().map(Company::name).toList())) keyword(article, Schema.COMPANY, c, false);
        article.setField(Schema.MENTIONS, Schema.toJson(m));
        article.setField(QUOTE_COUNT, m.quotes().size());
        docs.add(article);

        for (int i = 0; i < m.quotes().size(); i++) {
            Quote q = m.quotes().get(i);
            SolrInputDocument quote = new SolrInputDocument();
            quote.setField(Schema.ID, quoteId(a.id(), i));
            quote.setField(Schema.KIND, Schema.KIND_QUOTE);
            quote.setField(Schema.ARTICLE_ID, a.id());
            quote.setField(Schema.TEXT, q.text());
            quote.setField(Schema.TEXT_EXACT, q.text());
            if (q.speaker() != null) keyword(quote, Schema.SPEAKER, q.speaker(), true);
            if (q.company() != null) keyword(quote, Schema.COMPANY, q.company(), true);
            quote.setField(QUOTE_INDIRECT, q.indirect() ? 1 : 0);
            quote.setField(QUOTE_START, q.start());
            quote.setField(QUOTE_END, q.end());
            if (a.date() != null) {
                quote.setField(Schema.DAY, a.date().toEpochDay());
                filterOnly(quote, Schema.YEAR, Integer.toString(a.date().getYear()));
            }
            if (a.site() != null) filterOnly(quote, Schema.SITE, a.site());
            for (String tag : Schema.distinct(a.tags())) filterOnly(quote, Schema.TAG, tag);
            docs.add(quote);
        }
        return docs;
    }

    /** A keyword value: folded to filter, written form counted in its facet, and kept to show when {@code store}. */
    private static void keyword(SolrInputDocument doc, String field, String value, boolean store) {
        if (value == null || value.isBlank()) return;
        doc.addField(field, Schema.key(value));
        if (store) doc.addField(Schema.valueField(field), value);
        doc.addField(facetField(field), value.strip());
    }

    /** The article's year, site and tags on its quotes: filtered on, never counted (quotes count speakers and companies). */
    private static void filterOnly(SolrInputDocument doc, String field, String value) {
        if (value != null && !value.isBlank()) doc.addField(field, Schema.key(value));
    }

    static AnalysedArticle toAnalysedArticle(SolrDocument doc) {
        String date = string(doc, Schema.DATE);
        Article article = new Article(string(doc, Schema.ID), string(doc, Schema.SOURCE), string(doc, Schema.URL),
                string(doc, Schema.TITLE), string(doc, Schema.AUTHOR), date == null ? null : LocalDate.parse(date),
                string(doc, Schema.valueField(Schema.SITE)), strings(doc, Schema.valueField(Schema.TAG)),
                string(doc, Schema.LANG), string(doc, Schema.TEXT));
        return new AnalysedArticle(article, Schema.fromJson(string(doc, Schema.MENTIONS)));
    }

    /** The first value of a field, as text, or null. */
    static String string(SolrDocument doc, String field) {
        Object v = doc.getFirstValue(field);
        return v == null ? null : v.toString();
    }

    static List<String> strings(SolrDocument doc, String field) {
        Collection<Object> values = doc.getFieldValues(field);
        return values == null ? List.of() : values.stream().map(Object::toString).toList();
    }

    static int integer(SolrDocument doc, String field) {
        Object v = doc.getFirstValue(field);
        return v == null ? 0 : ((Number) v).intValue();
    }
}
