package verbatim.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;

/**
 * Writes every typographic apostrophe inside a word as the ASCII one, before elision: ElisionFilter
 * knows ' and ’ but not ʼ or ‘, so {@code lʼengagement} would keep its article; and {@code aujourd’hui}
 * and {@code aujourd'hui} are one term in both analyses. The set is {@link FrenchAnalysis#isApostrophe}.
 *
 * <p>A token filter rather than a char filter: the tokenizer treats ’ and ' alike already, and
 * folding inside the term buffer costs nothing on the text between words.
 */
final class ApostropheFoldingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    ApostropheFoldingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) return false;
        char[] buffer = term.buffer();
        for (int i = 0, n = term.length(); i < n; i++) {
            if (FrenchAnalysis.isApostrophe(buffer[i])) buffer[i] = '\'';
        }
        return true;
    }
}
