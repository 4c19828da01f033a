package verbatim.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import verbatim.analysis.FrenchAnalysis;
import verbatim.index.Schema;

import java.io.IOException;

/**
 * "Did you mean": each word of the query that the index does not hold is replaced by the closest
 * word it does hold. Looked up in the unstemmed text, so the suggestion is made of real words, not stems.
 */
final class Spelling {

    private static final int MAX_WORDS = 12;

    private Spelling() {
    }

    /** The query with misspelt words corrected, or null when nothing better is known. */
    static String suggest(IndexSearcher searcher, String query) throws IOException {
        if (query == null || query.isBlank() || query.contains(":")) return null;
        DirectSpellChecker checker = new DirectSpellChecker();
        StringBuilder corrected = new StringBuilder(query);
        boolean changed = false;
        int shift = 0;
        int words = 0;
        try (TokenStream ts = FrenchAnalysis.exact().tokenStream(Schema.TEXT_EXACT, query)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken() && words++ < MAX_WORDS) {
                String word = term.toString();
                if (word.length() < 4) continue;
                SuggestWord[] better = checker.suggestSimilar(new Term(Schema.TEXT_EXACT, word), 1,
                        searcher.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (better.length == 0) continue;
                corrected.replace(offset.startOffset() + shift, offset.endOffset() + shift, better[0].string);
                shift += better[0].string.length() - (offset.endOffset() - offset.startOffset());
                changed = true;
            }
            ts.end();
        }
        return changed ? corrected.toString() : null;
    }
}
