package verbatim.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of the extractor's word sets hold a word, as a bitmask: one look-up per token in {@link Tokens} answers the
 * dozen set look-ups the rules make for each token (a bit test each, where a {@link WordSet} probe is a hash, a memory
 * load and an inlined loop at each of a hundred call sites: less work per token and less code for the JIT to compile).
 * Every {@link WordSet} registers its bit when made (the first 64; later ones are probed as before).
 */
final class Memberships {
    private static final List<WordSet> SETS = new ArrayList<>(); // guarded by Memberships.class
    /** The table of the sets registered so far; null when a set came since, and it is rebuilt on next use. */
    private static volatile Memberships current;

    /** Sets 0 to {@code sets - 1} have their bit in this table's masks; a set registered after it was built does not. */
    final int sets;
    private final String[] words;
    private final long[] masks;
    private final int mask;
    private final int shift;
    /**
     * The masks of each one-char mark's {@link NameForms#fold folded} and lower-case forms ({@link Tokens#MARK_CHARS}
     * of them): a third of all tokens are marks, and each would cost two probes of the table.
     */
    private final long[] markFolded = new long[Tokens.MARK_CHARS];
    private final long[] markLowered = new long[Tokens.MARK_CHARS];

    private Memberships(List<WordSet> sets) {
        this.sets = sets.size();
        int total = 0;
        for (WordSet s : sets) {
            total += s.size();
        }
        int capacity = Integer.highestOneBit(Math.max(4, total * 2) - 1) << 1; // at most half full
        words = new String[capacity];
        masks = new long[capacity];
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
        for (int bit = 0; bit < this.sets; bit++) {
            for (String w : sets.get(bit)) {
                int i = slot(w);
                words[i] = w;
                masks[i] |= 1L << bit;
            }
        }
        for (char c = 0; c < Tokens.MARK_CHARS; c++) {
            String mark = String.valueOf(c);
            markFolded[c] = of(NameForms.fold(mark));
            markLowered[c] = of(mark.toLowerCase());
        }
    }

    /** The bit of a new set, or -1 when 64 are taken. */
    static synchronized int register(WordSet s) {
        if (SETS.size() == Long.SIZE) {
            return -1;
        }
        SETS.add(s);
        current = null;
        return SETS.size() - 1;
    }

    static Memberships current() {
        Memberships m = current;
        return m != null ? m : rebuild();
    }

    private static synchronized Memberships rebuild() {
        if (current == null) {
            current = new Memberships(List.copyOf(SETS));
        }
        return current;
    }

    /** The sets holding w: bit b set when the set registered with bit b contains w. */
    long of(String w) {
        return masks[slot(w)];
    }

    /** {@code of(NameForms.fold(String.valueOf(mark)))}, for a mark below {@link Tokens#MARK_CHARS}. */
    long ofFoldedMark(char mark) {
        return markFolded[mark];
    }

    /** {@code of(String.valueOf(mark).toLowerCase())}, for a mark below {@link Tokens#MARK_CHARS}. */
    long ofLoweredMark(char mark) {
        return markLowered[mark];
    }

    /** Same probing as {@link WordSet}: the slot holding w, or the empty slot where it would go (mask 0). */
    private int slot(String w) {
        int i = w.hashCode() * 0x9E3779B9 >>> shift;
        for (String s = words[i]; s != null && !s.equals(w); s = words[i]) {
            i = i + 1 & mask;
        }
        return i;
    }
}
