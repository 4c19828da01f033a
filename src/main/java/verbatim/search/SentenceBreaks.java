package verbatim.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Set;

/**
 * Where sentences start in French article text, found by looking at the few characters around an offset, so
 * {@link #following} and {@link #preceding} cost one sentence of scanning. The JDK's rule-based sentence iterator
 * gave about the same boundaries, but walked the text through a {@link CharacterIterator} and backed up with its
 * reverse rules: highlighting a long article took a third of a search's CPU.
 *
 * <p>A sentence starts at the first character after white space that follows
 * <ul>
 *   <li>{@code . ! ? …}, possibly followed by closing quotes or brackets, French spacing allowed
 *       ({@code Vraiment ? Oui}, {@code « C'est fini. » Puis}), unless the next word starts in lower case
 *       ({@code etc. et}) or the full stop ends an abbreviation or an initial ({@code M. Macron}, {@code J. Dupont});</li>
 *   <li>or a line break, unless the next line starts in lower case (a line wrapped inside a sentence).</li>
 * </ul>
 * 0 and the text's length are boundaries too, as with every {@link BreakIterator}.
 */
final class SentenceBreaks extends BreakIterator {

    /** Abbreviations written with a full stop that rarely ends a sentence; single capitals (initials) are treated alike. */
    private static final Set<String> ABBREVIATIONS = Set.of("MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Pr", "Me", "Mgr",
            "St", "Ste", "cf", "Cf", "p", "pp", "ex", "Ex", "vol", "art", "av", "apr", "env", "chap", "fig", "min", "max",
            "tél", "Tél", "coll", "dir", "éd", "Éd", "hab", "Cie", "Sté", "Jr", "Sr");

    private String text = "";
    private CharacterIterator iterator = new StringCharacterIterator("");
    private int current;

    @Override
    public void setText(String newText) {
        text = newText;
        iterator = new StringCharacterIterator(newText);
        current = 0;
    }

    @Override
    public void setText(CharacterIterator it) {
        StringBuilder sb = new StringBuilder(Math.max(0, it.getEndIndex() - it.getBeginIndex()));
        for (char c = it.first(); c != CharacterIterator.DONE; c = it.next()) sb.append(c);
        setText(sb.toString());
    }

    /** The same iterator each time: the length goal wrapper asks for its end index on every call. */
    @Override
    public CharacterIterator getText() {
        return iterator;
    }

    @Override
    public int first() {
        return current = 0;
    }

    @Override
    public int last() {
        return current = text.length();
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public int next() {
        if (current >= text.length()) return DONE;
        return following(current);
    }

    @Override
    public int previous() {
        if (current <= 0) return DONE;
        return preceding(current);
    }

    @Override
    public int next(int n) {
        int result = current;
        for (; n > 0 && result != DONE; n--) result = next();
        for (; n < 0 && result != DONE; n++) result = previous();
        return result;
    }

    @Override
    public int following(int offset) {
        check(offset);
        if (offset >= text.length()) {
            current = text.length();
            return DONE;
        }
        int i = offset + 1;
        while (i < text.length() && !startsSentence(i)) i++;
        return current = i;
    }

    @Override
    public int preceding(int offset) {
        check(offset);
        if (offset <= 0) {
            current = 0;
            return DONE;
        }
        int i = offset - 1;
        while (i > 0 && !startsSentence(i)) i--;
        return current = i;
    }

    @Override
    public boolean isBoundary(int offset) {
        check(offset);
        current = offset;
        return offset == 0 || offset == text.length() || startsSentence(offset);
    }

    private void check(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset " + offset + " is outside 0.." + text.length());
        }
    }

    /** Whether a sentence starts at {@code i}, 0 < i < length. Looks back over white space, closers and one word at most. */
    private boolean startsSentence(int i) {
        char first = text.charAt(i);
        if (isSpace(first) || !isSpace(text.charAt(i - 1)) || closesAt(i)) return false;
        boolean continues = Character.isLowerCase(first);
        int j = i - 1;
        while (j >= 0 && isSpace(text.charAt(j))) {
            if (isLineBreak(text.charAt(j))) return !continues;
            j--;
        }
        if (continues) return false;
        while (j >= 0 && (isCloser(text.charAt(j)) || isSpace(text.charAt(j)))) j--;
        if (j < 0 || !isTerminator(text.charAt(j))) return false;
        return text.charAt(j) != '.' || !endsAbbreviation(j);
    }

    /** Whether the full stop at {@code dot} ends an abbreviation or an initial ({@code M.}, {@code Mme.}, {@code J.}). */
    private boolean endsAbbreviation(int dot) {
        int start = dot;
        while (start > 0 && Character.isLetter(text.charAt(start - 1)) && dot - start < 5) start--;
        if (start == dot || start > 0 && Character.isLetter(text.charAt(start - 1))) return false;
        String word = text.substring(start, dot);
        return word.length() == 1 && Character.isUpperCase(word.charAt(0)) || ABBREVIATIONS.contains(word);
    }

    /** A closing quote or bracket at {@code i}: {@code »}, or a straight quote followed by a space ({@code fini. " Puis}). */
    private boolean closesAt(int i) {
        char c = text.charAt(i);
        if (c == '"' || c == '\'') return i + 1 == text.length() || isSpace(text.charAt(i + 1));
        return c != '"' && c != '\'' && isCloser(c);
    }

    private static boolean isSpace(char c) {
        if (c > ' ' && c < 0x7F) return false; // printable ASCII, most of a French text: no look-up in Unicode's tables
        return Character.isWhitespace(c) || Character.isSpaceChar(c); // the latter for no-break spaces: « x », x ?
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '»' || c == '”' || c == '’' || c == '\'' || c == ')' || c == ']' || c == '›';
    }
}
