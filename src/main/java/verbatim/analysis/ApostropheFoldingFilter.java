package verbatim.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;

/**
 * Writes every typographic apostrophe inside a word as the ASCII one, so {@code aujourd’hui} and
 * {@code aujourd'hui} are the same term. ElisionFilter already understands both forms, but a word
 * that is not elided keeps whichever it was typed with.
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
            char c = buffer[i];
            if (c == '\u2019' || c == '\u02BC' || c == '\u2018' || c == '\u00B4' || c == '`') buffer[i] = '\'';
        }
        return true;
    }
}
