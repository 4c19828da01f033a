package verbatim.solr;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.solr.common.params.ModifiableSolrParams;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * Writes a query that {@link verbatim.search.UserQuery} built, its terms already analysed by Verbatim, as Solr
 * local-params queries: {@code bool} (with {@code mm} for "most words"), {@code term}, {@code prefix}, phrases
 * through the standard parser (the text fields' query analyzer only splits on spaces, so the terms go through
 * unchanged), and {@code boost}. Every value travels in a parameter of its own ({@code v=$qN}), so no text
 * typed by a user is ever parsed as Solr syntax.
 *
 * <pre>{@code
 * SolrQuerySyntax syntax = new SolrQuerySyntax(params, "q");
 * params.set("q", syntax.write(UserQuery.parse("marques -luxe", fields)));
 * }</pre>
 */
final class SolrQuerySyntax {

    /** Stands for a removed stop word inside a phrase (schema.xml's query_gaps.txt); no analysed term is "_". */
    static final String GAP = "_";

    private final ModifiableSolrParams params;
    private final String prefix;
    private int next;

    /** Parameters are added to {@code params}, named {@code prefix} and a number. */
    SolrQuerySyntax(ModifiableSolrParams params, String prefix) {
        this.params = params;
        this.prefix = prefix;
    }

    /** The query, as a local-params query whose values are in added parameters. */
    String write(Query query) {
        return write(query, "");
    }

    /** The same, with more local params on the outer query (say {@code tag=speaker}). */
    String write(Query query, String localParams) {
        String extra = localParams.isEmpty() ? "" : " " + localParams;
        if (query instanceof BooleanQuery bq) return bool(bq, extra);
        if (query instanceof TermQuery tq) {
            Term t = tq.getTerm();
            return "{!term f=" + t.field() + extra + " v=" + param(t.text()) + "}";
        }
        if (query instanceof PrefixQuery pq) {
            Term t = pq.getPrefix();
            return "{!prefix f=" + t.field() + extra + " v=" + param(t.text()) + "}";
        }
        if (query instanceof PhraseQuery pq) return phrase(pq, extra);
        if (query instanceof BoostQuery bq) {
            return "{!boost b=" + String.format(Locale.ROOT, "%.4f", bq.getBoost()) + extra + " v=" + param(write(bq.getQuery())) + "}";
        }
        if (query instanceof MatchAllDocsQuery) return "{!lucene" + extra + " v=" + param("*:*") + "}";
        if (query instanceof MatchNoDocsQuery) return "{!lucene" + extra + " v=" + param("-*:*") + "}";
        throw new IllegalArgumentException("no Solr form for " + query.getClass().getSimpleName() + ": " + query);
    }

    private String bool(BooleanQuery bq, String extra) {
        StringJoiner out = new StringJoiner(" ", "{!bool" + extra + " ", "}");
        for (BooleanClause c : bq.clauses()) {
            String occur = switch (c.occur()) {
                case MUST -> "must";
                case SHOULD -> "should";
                case FILTER -> "filter";
                case MUST_NOT -> "must_not";
            };
            out.add(occur + "=" + param(write(c.query())));
        }
        if (bq.getMinimumNumberShouldMatch() > 0) out.add("mm=" + bq.getMinimumNumberShouldMatch());
        if (bq.clauses().isEmpty()) out.add("must=" + param("-*:*")); // matches nothing, as Lucene's empty query
        return out.toString();
    }

    /**
     * The standard parser makes a phrase of consecutive positions; a gap left by a removed stop word is written as
     * {@link #GAP}, which the stemmed fields' query analyzer removes as a stop word, keeping the gap, so the phrase
     * matches exactly what it matches on the embedded index.
     */
    private String phrase(PhraseQuery pq, String extra) {
        Term[] terms = pq.getTerms();
        int[] positions = pq.getPositions();
        StringJoiner words = new StringJoiner(" ");
        for (int i = 0; i < terms.length; i++) {
            if (i > 0) for (int gap = positions[i - 1] + 1; gap < positions[i]; gap++) words.add(GAP);
            words.add(terms[i].text().replace("\\", "\\\\").replace("\"", "\\\""));
        }
        String field = terms.length == 0 ? pq.getField() : terms[0].field();
        int slop = pq.getSlop();
        return "{!lucene df=" + field + extra + " v=" + param("\"" + words + "\"" + (slop > 0 ? "~" + slop : "")) + "}";
    }

    private String param(String value) {
        String name = prefix + (next++);
        params.set(name, value);
        return "$" + name;
    }
}
