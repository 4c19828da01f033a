package verbatim.analysis;

import java.util.Arrays;

/**
 * Words and punctuation of a text with their offsets, in one pass and without regular expressions.
 * An elided article or preposition ({@code l’}, {@code d’}) is its own token so {@code l’Agence} yields
 * {@code Agence}; paragraph and line breaks are {@code "\n"} tokens because they end sentences and turns.
 */
final class Tokens {
    private static final java.util.regex.Pattern ROMAN_ORDINAL = java.util.regex.Pattern.compile("[IVXLC]+(?:e|er|ème)");
    final String text;
    int size;
    int[] start;
    int[] end;
    String[] word;
    /** true for letters/digits, false for punctuation and line breaks */
    boolean[] isWord;
    /** a word starting with an upper-case letter: {@link #cap} is asked several times for every token */
    private boolean[] capital;

    /** {@link NameForms#fold Folded} and lower-case forms of each token, asked for again and again by the rules. */
    private final String[] folded;
    private final String[] lowered;
    /** Per token, the {@link Memberships} of its folded and its lower-case form: the rules' set look-ups are bit tests. */
    private final Memberships memberships = Memberships.current();
    private final long[] foldedIn;
    private final long[] loweredIn;

    Tokens(String text) {
        this.text = text;
        int n = text.length();
        // French prose has a token every 4 to 5 characters, punctuation included: the arrays rarely grow
        int capacity = Math.max(256, n / 4);
        start = new int[capacity];
        end = new int[capacity];
        word = new String[capacity];
        isWord = new boolean[capacity];
        capital = new boolean[capacity];
        int i = 0;
        while (i < n) {
            i = scan(i);
        }
        folded = new String[size];
        lowered = new String[size];
        foldedIn = new long[size];
        loweredIn = new long[size];
        for (int k = 0; k < size; k++) {
            char mark = isWord[k] ? 0 : word[k].charAt(0);
            if (!isWord[k] && word[k].length() == 1 && mark < MARK_CHARS) {
                folded[k] = foldedMark(word[k]);
                lowered[k] = word[k].toLowerCase();
                foldedIn[k] = memberships.ofFoldedMark(mark);
                loweredIn[k] = memberships.ofLoweredMark(mark);
                continue;
            }
            folded[k] = isWord[k] ? NameForms.fold(word[k]) : foldedMark(word[k]);
            // fold gives back the word itself when it is lower-case ASCII already: then so would toLowerCase
            lowered[k] = folded[k] == word[k] ? word[k] : word[k].toLowerCase();
            foldedIn[k] = memberships.of(folded[k]);
            loweredIn[k] = lowered[k] == folded[k] ? foldedIn[k] : memberships.of(lowered[k]);
        }
    }

    /**
     * Per char below {@link #MARK_CHARS} (Latin letters, and the typographic marks of French text: ’ « » — …), what
     * {@link #scan} asks of it: one load instead of calls into {@link Character}.
     */
    private static final byte[] CLASS = new byte[0x3000];
    private static final byte LETTER_OR_DIGIT = 1;
    private static final byte LETTER = 2;
    private static final byte UPPER = 4;
    /** {@link Character#isWhitespace} or {@link Character#isSpaceChar}. */
    private static final byte SPACE = 8;

    static {
        for (char c = 0; c < CLASS.length; c++) {
            CLASS[c] = (byte) ((Character.isLetterOrDigit(c) ? LETTER_OR_DIGIT : 0) | (Character.isLetter(c) ? LETTER : 0)
                    | (Character.isUpperCase(c) ? UPPER : 0) | (Character.isWhitespace(c) || Character.isSpaceChar(c) ? SPACE : 0));
        }
    }

    /**
     * {@link Character#isWhitespace}, without its calls for the chars of text: the rules ask it of every char they walk.
     * No char between {@code ' '} and U+1680 is white space.
     */
    static boolean whitespace(char c) {
        return c <= ' ' ? c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C' : c >= '\u1680' && Character.isWhitespace(c);
    }

    private static boolean letterOrDigit(char c) {
        return c < CLASS.length ? (CLASS[c] & LETTER_OR_DIGIT) != 0 : Character.isLetterOrDigit(c);
    }

    private static boolean letter(char c) {
        return c < CLASS.length ? (CLASS[c] & LETTER) != 0 : Character.isLetter(c);
    }

    private static boolean upper(char c) {
        return c < CLASS.length ? (CLASS[c] & UPPER) != 0 : Character.isUpperCase(c);
    }

    /** Chars below this one make their one-character tokens from tables (see also {@link Memberships}). */
    static final int MARK_CHARS = 0x3000;
    /** One-character punctuation tokens, made once. */
    private static final String[] MARKS = new String[MARK_CHARS];

    static {
        for (char c = 0; c < MARKS.length; c++) {
            MARKS[c] = String.valueOf(c);
        }
    }

    /** Folded forms of one-character punctuation tokens, made once: nearly every other token is one. */
    private static final String[] FOLDED_MARKS = new String[MARK_CHARS];

    private static String foldedMark(String mark) {
        char c = mark.charAt(0);
        if (mark.length() > 1 || c >= FOLDED_MARKS.length) {
            return NameForms.fold(mark);
        }
        String f = FOLDED_MARKS[c];
        if (f == null) {
            f = FOLDED_MARKS[c] = NameForms.fold(mark); // racing threads store equal strings
        }
        return f;
    }

    /**
     * Adds the token at offset i of the text, if any, and returns the offset after it. One token per call, not one
     * loop over the whole text: the JIT compiles a small method once rather than replacing a long loop on the stack.
     */
    private int scan(int i) {
        int n = text.length();
        char c = text.charAt(i);
        if (c == '\n') {
            int j = i;
            while (j < n && whitespace(text.charAt(j))) {
                j++;
            }
            add(i, i + 1, "\n", false);
            return j;
        } else if (c < CLASS.length ? (CLASS[c] & SPACE) != 0 : Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return i + 1;
        } else if (letterOrDigit(c)) {
            int j = i + 1;
            while (j < n) {
                char d = text.charAt(j);
                if (letterOrDigit(d) || d == '_') {
                    j++;
                } else if ((d == '-' || d == '.' || d == '&') && j + 1 < n && letterOrDigit(text.charAt(j + 1))
                        && !(d == '.' && upper(text.charAt(j + 1)) && j - i > 2)) {
                    j++;
                } else if ((d == '\'' || d == '’') && j + 1 < n && letter(text.charAt(j + 1))) {
                    if (isElision(text, i, j) || text.charAt(j + 1) == 's' && (j + 2 >= n || !letter(text.charAt(j + 2)))) {
                        break;
                    }
                    j++;
                } else {
                    break;
                }
            }
            if (j < n && (text.charAt(j) == '\'' || text.charAt(j) == '’') && isElision(text, i, j)) {
                add(i, j + 1, text.substring(i, j) + "'", true);
                return j + 1;
            } else {
                add(i, j, text.substring(i, j), true);
                return j;
            }
        } else {
            add(i, i + 1, c < MARKS.length ? MARKS[c] : String.valueOf(c), false);
            return i + 1;
        }
    }

    private static boolean isElision(String t, int from, int apos) {
        int len = apos - from;
        if (len == 1) {
            char c = Character.toLowerCase(t.charAt(from));
            return "ldjmnstc".indexOf(c) >= 0 && !(Character.isUpperCase(t.charAt(from)) && c == 'm');
        }
        if (len == 2 || len == 5 || len == 6 || len == 7) {
            String w = t.substring(from, apos).toLowerCase();
            return w.equals("qu") || w.equals("jusqu") || w.equals("lorsqu") || w.equals("puisqu") || w.equals("quoiqu");
        }
        return false;
    }

    private void add(int s, int e, String w, boolean isW) {
        if (size == start.length) {
            int cap = size * 2;
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            word = Arrays.copyOf(word, cap);
            isWord = Arrays.copyOf(isWord, cap);
            capital = Arrays.copyOf(capital, cap);
        }
        start[size] = s;
        end[size] = e;
        word[size] = w;
        isWord[size] = isW;
        capital[size] = isW && upper(w.charAt(0));
        size++;
    }

    /** {@link NameForms#fold Folded} form of token i. */
    String f(int i) {
        return folded[i];
    }

    /** {@code words.contains(f(i))}, from the token's {@link Memberships} mask when words has a bit in it. */
    boolean in(java.util.Set<String> words, int i) {
        if (words instanceof WordSet w && w.bit >= 0 && w.bit < memberships.sets) {
            return (foldedIn[i] >>> w.bit & 1) != 0;
        }
        return words.contains(folded[i]);
    }

    /** {@code words.contains(lower(i))}, from the token's {@link Memberships} mask when words has a bit in it. */
    boolean lowerIn(java.util.Set<String> words, int i) {
        if (i < 0 || i >= size) {
            return words.contains("");
        }
        if (words instanceof WordSet w && w.bit >= 0 && w.bit < memberships.sets) {
            return (loweredIn[i] >>> w.bit & 1) != 0;
        }
        return words.contains(lowered[i]);
    }

    boolean cap(int i) {
        return i >= 0 && i < size && capital[i];
    }

    /** All letters upper case, at least two of them: {@code MMA}, {@code TF1}, {@code AT&T}. */
    boolean acronym(int i) {
        if (!cap(i)) {
            return false;
        }
        String w = word[i];
        int letters = 0;
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            if (Character.isLowerCase(c) || c == '-') {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 2;
    }

    /** An upper-case letter after a lower-case one: {@code INfluencia}, {@code DearMedia}, {@code WhatsApp}. */
    boolean camel(int i) {
        if (!cap(i) || word[i].length() < 3 || i > 0 && (word[i - 1].equals("#") || word[i - 1].equals("@"))) {
            return false;
        }
        String w = word[i];
        boolean lower = false;
        boolean inner = false;
        for (int k = 1; k < w.length(); k++) {
            char c = w.charAt(k);
            if (c == '-' || c == '.' || Character.isDigit(c)) {
                return false;
            }
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                inner = true;
            }
        }
        if (!(lower && inner)) {
            return false;
        }
        // plural acronyms (POCs) and roman ordinals (XIIe) are not names
        boolean pluralAcronym = w.length() > 2 && w.endsWith("s") && w.substring(0, w.length() - 1).equals(w.substring(0, w.length() - 1).toUpperCase());
        boolean roman = ROMAN_ORDINAL.matcher(w).matches();
        return lower && inner && !pluralAcronym && !roman;
    }

    /** Whether token i begins a sentence, a line, a quotation or a list item. */
    boolean sentenceStart(int i) {
        int p = i - 1;
        while (p >= 0 && !isWord[p] && "–—-•*(".indexOf(word[p].charAt(0)) >= 0) {
            p--;
        }
        if (p < 0) {
            return true;
        }
        if (isWord[p]) {
            return false;
        }
        return ".!?…:«»\"“”\n;".indexOf(word[p].charAt(0)) >= 0;
    }

    boolean is(int i, String w) {
        return i >= 0 && i < size && word[i].equalsIgnoreCase(w);
    }

    boolean punct(int i, char c) {
        return i >= 0 && i < size && !isWord[i] && word[i].charAt(0) == c;
    }

    /** Lower-case form of token i; "" out of range. */
    String lower(int i) {
        return i < 0 || i >= size ? "" : lowered[i];
    }

    /** Text from the start of token a to the end of token b (inclusive). */
    String span(int a, int b) {
        return text.substring(start[a], end[b]);
    }
}
