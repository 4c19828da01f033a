package verbatim.analysis;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;

/**
 * A read-only set of words for the extractor's look-ups, asked for nearly every token of every article. One open-addressed
 * array of the words themselves: a miss is usually one empty slot, a hit one {@code equals}, and a look-up is a few
 * instructions where {@code HashSet} goes through its map's nodes (the JIT compiles the extractor's rules, which look
 * words up at a hundred places, into much less code this way).
 */
final class WordSet extends AbstractSet<String> {
    private final String[] slots;
    private final int mask;
    private final int shift;
    private final int size;
    /** This set's bit in {@link Memberships}' masks, or -1 (then {@link Tokens} probes it). */
    final int bit;

    WordSet(Collection<String> words) {
        int capacity = Integer.highestOneBit(Math.max(4, words.size() * 4) - 1) << 1; // at most a quarter full
        slots = new String[capacity];
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
        int n = 0;
        for (String w : words) {
            int i = slot(Objects.requireNonNull(w));
            if (slots[i] == null) {
                slots[i] = w;
                n++;
            }
        }
        size = n;
        bit = Memberships.register(this);
    }

    /**
     * The slot holding w, or the empty slot where it would go. Short words have close hash codes ("de", "du", "le"):
     * multiplying by the golden ratio spreads them, where their low bits alone would pile them into runs to probe.
     */
    private int slot(String w) {
        int i = w.hashCode() * 0x9E3779B9 >>> shift;
        for (String s = slots[i]; s != null && !s.equals(w); s = slots[i]) {
            i = i + 1 & mask;
        }
        return i;
    }

    boolean contains(String w) {
        return slots[slot(w)] != null;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof String w && contains(w);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(slots).filter(Objects::nonNull).iterator();
    }
}
