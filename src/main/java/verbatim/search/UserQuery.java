package verbatim.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import verbatim.analysis.FrenchAnalysis;
import verbatim.index.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a journalist types into a Lucene query. The language: words (French analysis),
 * {@code "exact phrases"} (the exact fields: every word, in order), {@code -excluded}, {@code OR},
 * and {@code field:value} for the keyword fields. Anything else typed is text; nothing typed
 * makes it throw.
 *
 * <pre>{@code
 * UserQuery.parse("stratégie marque -luxe", fields)
 * UserQuery.parse("\"la bataille de l'engagement\" speaker:\"Pierre-Emmanuel Cros\"", fields)
 * }</pre>
 *
 * <p>Lucene's {@link SimpleQueryParser} does the parsing: it was made to accept whatever people
 * type. Phrases are redirected to the exact fields; of three plain words or more, half (rounded down) must
 * match and hits holding most of them rank ahead, as do proximity and title matches.
 */
public final class UserQuery {

    /** Which index fields the parts of a query go to. */
    public record Fields(Map<String, Float> stemmed, Map<String, Float> exact, Map<String, String> keywords) {
    }

    private static final Pattern FIELD_VALUE = Pattern.compile("(?<![\\p{L}\\p{N}])([a-z]+):(\"[^\"]*\"?|[^\\s\"]+)");
    private static final Pattern OR_WORD = Pattern.compile("(?<=\\s)OR(?=\\s)");
    private static final int FLAGS = SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.OR_OPERATOR | SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.PRECEDENCE_OPERATORS
            | SimpleQueryParser.WHITESPACE_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR;
    /** Share of the words of a plain query that puts a hit first: tolerant of a misremembered word. */
    private static final float MOST_WORDS = 0.7f;
    /**
     * How much more the words count in a hit holding {@link #MOST_WORDS} of them. A boost rather than a filter: an
     * article holding half the words (a half-remembered title, a word that stems differently) still comes, after
     * those holding most of them (relevance README: nDCG@10 up on the tuning topics and on held-out ones).
     */
    private static final float MOST_WORDS_BOOST = 3f;
    private static final int PROXIMITY_SLOP = 8;
    private static final float PROXIMITY_BOOST = 2.0f;

    /**
     * French stop words as typed without accents ({@code a} for {@code à}, {@code etait} for {@code était}),
     * stemmed. The stemmed analyzer drops stop words before it folds accents, so these would otherwise survive
     * in a query as words that count towards the minimum match yet cannot match the {@code à} of an article.
     * Not {@code meme}: without its accent it is also the internet mème.
     */
    private static final CharArraySet ACCENTLESS_STOP_WORDS = accentlessStopWords();

    /** The stemmed analyzer, minus the accent-free stop words: for the words of a query only. */
    private static final Analyzer QUERY_ANALYZER = new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return FrenchAnalysis.stemmed();
        }

        @Override
        protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
            return new TokenStreamComponents(components.getSource(),
                    new StopFilter(components.getTokenStream(), ACCENTLESS_STOP_WORDS));
        }
    };

    private UserQuery() {
    }

    private static CharArraySet accentlessStopWords() {
        CharArraySet result = new CharArraySet(32, false);
        for (Object o : FrenchAnalyzer.getDefaultStopSet()) {
            char[] word = (char[]) o;
            char[] folded = new char[word.length * 4];
            int n = ASCIIFoldingFilter.foldToASCII(word, 0, folded, 0, word.length);
            String plain = new String(folded, 0, n);
            if (plain.equals(new String(word)) || plain.equals("meme")) continue;
            try (TokenStream ts = FrenchAnalysis.stemmed().tokenStream("", plain)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) result.add(term.toString());
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return CharArraySet.unmodifiableSet(result);
    }

    /**
     * The longest query text accepted. Operator soup costs more than linearly to run (nested clauses: 0.3 s at
     * 2,000 characters, over 10 s at 18,000 on a test index), so longer texts are refused here, whoever calls.
     */
    public static final int MAX_CHARS = 2_000;

    /**
     * The query for {@code text}; an empty or blank text matches every article.
     *
     * @throws IllegalArgumentException when the text is longer than {@link #MAX_CHARS}
     */
    public static Query parse(String text, Fields fields) {
        String q = text == null ? "" : text;
        if (q.length() > MAX_CHARS) {
            throw new IllegalArgumentException("the query is " + q.length() + " characters long; the limit is " + MAX_CHARS);
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean hasMust = false;

        // field:value first, so the rest can go to the text parser as plain words.
        Matcher m = FIELD_VALUE.matcher(q);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String field = fields.keywords().get(m.group(1));
            Map<String, Float> textField = m.group(1).equals("title") ? Map.of("title", 1f) : null;
            if (field == null && textField == null) continue; // not one of ours: it is text (say, a time 10:30)
            boolean negated = m.start() > 0 && q.charAt(m.start() - 1) == '-';
            rest.append(q, last, negated ? m.start() - 1 : m.start());
            last = m.end();
            String value = m.group(2).replaceAll("^\"|\"$", "").strip();
            if (value.isEmpty()) continue;
            Query clause = field != null ? new TermQuery(new Term(field, Schema.key(value)))
                    : textQuery(value, textField, fields);
            if (clause == null) continue;
            all.add(clause, negated ? BooleanClause.Occur.MUST_NOT : BooleanClause.Occur.FILTER);
            hasMust |= !negated;
        }
        rest.append(q.substring(last));

        String words = OR_WORD.matcher(" " + rest + " ").replaceAll("|").strip();
        Query textQuery = words.isEmpty() ? null : textQuery(words, fields.stemmed(), fields);
        if (textQuery != null) {
            all.add(textQuery, BooleanClause.Occur.MUST);
            hasMust = true;
            Query proximity = proximity(words, fields);
            if (proximity != null) all.add(proximity, BooleanClause.Occur.SHOULD);
        }
        if (!hasMust) {
            // Only exclusions, or nothing at all: start from every article.
            all.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        return all.build();
    }

    private static Query textQuery(String text, Map<String, Float> stemmedFields, Fields fields) {
        Parser parser = new Parser(stemmedFields, fields.exact());
        Query query = parser.parse(text);
        // An explicit OR ('|') also makes optional clauses: those must not be turned into "most words must match".
        boolean explicitOr = text.indexOf('|') >= 0;
        if (!explicitOr && query instanceof BooleanQuery bq && parser.words > 1 && bq.clauses().size() == parser.words && isPlainWords(bq)) {
            int n = bq.clauses().size();
            // Two words are both needed (a first name and a surname, say); of more, half of them, rounded up: a third
            // of a three-word query alone matched four times as many articles for no gain on the held-out topics.
            int most = n <= 2 ? n : Math.round(n * MOST_WORDS);
            int least = n <= 2 ? n : (n + 1) / 2;
            Query mostWords = withMinimum(bq, most);
            if (least >= most) return mostWords;
            return new BooleanQuery.Builder()
                    .add(withMinimum(bq, least), BooleanClause.Occur.MUST)
                    .add(new BoostQuery(mostWords, MOST_WORDS_BOOST), BooleanClause.Occur.SHOULD)
                    .build();
        }
        return query;
    }

    private static Query withMinimum(BooleanQuery words, int minimum) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        words.clauses().forEach(b::add);
        if (minimum > 1) b.setMinimumNumberShouldMatch(minimum);
        return b.build();
    }

    private static boolean isPlainWords(BooleanQuery bq) {
        return bq.getMinimumNumberShouldMatch() == 0
                && bq.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD);
    }

    /** Rewards the words of the query standing close together, as a remembered quotation does. */
    private static Query proximity(String words, Fields fields) {
        if (words.contains("\"") || words.contains("|") || words.contains("-") && words.matches(".*(^|\\s)-.*")) {
            return null;
        }
        QueryBuilder builder = new QueryBuilder(QUERY_ANALYZER);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (Map.Entry<String, Float> f : fields.stemmed().entrySet()) {
            Query phrase = builder.createPhraseQuery(f.getKey(), words, PROXIMITY_SLOP);
            if (phrase instanceof PhraseQuery pq && pq.getTerms().length > 1) {
                any.add(new BoostQuery(phrase, f.getValue()), BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : new BoostQuery(any.build(), PROXIMITY_BOOST);
    }

    /** SimpleQueryParser with phrases sent to the exact fields, where every word counts. */
    private static final class Parser extends SimpleQueryParser {
        private final Map<String, Float> exactFields;
        /** Words that made a query: a top-level query with this many optional clauses is a plain list of words. */
        int words;

        Parser(Map<String, Float> stemmed, Map<String, Float> exact) {
            super(analyzer(), new LinkedHashMap<>(stemmed), FLAGS);
            this.exactFields = exact;
            setDefaultOperator(BooleanClause.Occur.SHOULD);
        }

        @Override
        protected Query newDefaultQuery(String text) {
            Query q = super.newDefaultQuery(text);
            if (q != null) words++;
            return q;
        }

        @Override
        protected Query newPhraseQuery(String text, int slop) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            QueryBuilder exact = new QueryBuilder(FrenchAnalysis.exact());
            QueryBuilder stemmed = new QueryBuilder(FrenchAnalysis.stemmed());
            List<Query> queries = new ArrayList<>();
            for (Map.Entry<String, Float> f : exactFields.entrySet()) {
                // A phrase aimed at a stemmed field (to highlight it there) is analysed as that field is.
                QueryBuilder builder = f.getKey().endsWith("_exact") ? exact : stemmed;
                Query q = builder.createPhraseQuery(f.getKey(), text, slop);
                if (q != null) queries.add(new BoostQuery(q, f.getValue()));
            }
            if (queries.isEmpty()) return null;
            queries.forEach(q -> b.add(q, BooleanClause.Occur.SHOULD));
            return b.build();
        }

        private static Analyzer analyzer() {
            return QUERY_ANALYZER;
        }
    }
}
