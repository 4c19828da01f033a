package verbatim.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

import java.util.Arrays;

/**
 * The analyzers Verbatim indexes and queries French with. One per purpose, shared by indexing and
 * querying so both sides always agree:
 * <ul>
 *   <li>{@link #stemmed()}: for relevance. {@code l’engagement}, {@code Engagements} and {@code engagement}
 *       are one term; stop words go; accents fold ({@code évènements} finds {@code événement}).</li>
 *   <li>{@link #exact()}: for quoted phrases. Every word kept, in order, unstemmed; only case,
 *       accents and the form of the apostrophe are folded.</li>
 * </ul>
 */
public final class FrenchAnalysis {

    /** Elided articles and pronouns, as written before an apostrophe. */
    private static final CharArraySet ELISIONS = new CharArraySet(Arrays.asList(
            "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"), true);

    private static final Analyzer STEMMED = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new ApostropheFoldingFilter(source);
            result = new ElisionFilter(result, ELISIONS);
            result = new LowerCaseFilter(result);
            result = new StopFilter(result, FrenchAnalyzer.getDefaultStopSet());
            result = new ASCIIFoldingFilter(result);
            result = new FrenchLightStemFilter(result);
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };

    private static final Analyzer EXACT = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new ApostropheFoldingFilter(source);
            result = new LowerCaseFilter(result);
            result = new ASCIIFoldingFilter(result);
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };

    private FrenchAnalysis() {
    }

    /** The characters typed for an apostrophe: ’ ʼ ‘ ´ ` and the ASCII one. */
    public static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC' || c == '\u2018' || c == '\u00B4' || c == '`';
    }

    /** {@code value} with every apostrophe written as the ASCII one. */
    public static String foldApostrophes(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\'' && isApostrophe(c)) {
                if (out == null) out = new StringBuilder(value);
                out.setCharAt(i, '\'');
            }
        }
        return out == null ? value : out.toString();
    }

    /** Unicode words, elision, lower case, French stop words, accent folding, French light stemming. */
    public static Analyzer stemmed() {
        return STEMMED;
    }

    /** Unicode words, lower case, accent folding; nothing removed, nothing stemmed. */
    public static Analyzer exact() {
        return EXACT;
    }
}
