package verbatim.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extractor's word lists answer exactly as a HashSet of the same words, and so do a token's membership masks. */
class WordSetTest {

    @Test
    void shortFunctionWordsWithCloseHashCodesAreAllFoundAndNothingElse() {
        Set<String> words = new WordSet(List.of("le", "la", "les", "de", "du", "des", "d", "l", "un", "une", "au", "aux"));
        assertTrue(words.contains("du"));
        assertTrue(words.contains("l"));
        assertFalse(words.contains("lz"));
        assertFalse(words.contains("dé"));
        assertFalse(words.contains(""));
        assertFalse(words.contains(42), "not a string");
        assertEquals(12, words.size());
    }

    @Test
    void duplicatesCountOnceAndIterationGivesTheWords() {
        WordSet words = new WordSet(List.of("forrester", "mma", "forrester"));
        assertEquals(2, words.size());
        assertEquals(new TreeSet<>(List.of("forrester", "mma")), new TreeSet<>(words));
    }

    @Test
    void aGazetteerAnswersLikeAHashSet() {
        List<String> names = new ArrayList<>(Lexicon.ORGANISATIONS);
        WordSet copy = new WordSet(names);
        Set<String> reference = new HashSet<>(names);
        assertEquals(reference.size(), copy.size());
        for (String name : names) {
            assertTrue(copy.contains(name), name);
            assertEquals(reference.contains(name + "x"), copy.contains(name + "x"), name + "x");
            assertEquals(reference.contains(name.toUpperCase()), copy.contains(name.toUpperCase()), name.toUpperCase());
        }
    }

    @Test
    void aTokensMembershipMaskAnswersAsTheSetsDo() {
        WordSet before = new WordSet(List.of("selon", "la", "de", "l'", "&", "agence", "groupe"));
        Tokens t = new Tokens("Selon la présidente de l’Agence, Marie-Hélène Dupont, « le Groupe Renault & la MMA » "
                + "— L’ÉTÉ du Mobile.\nLa suite");
        // made after the tokens: not in their masks, so they ask the set itself
        WordSet after = new WordSet(List.of("selon", "agence", "mma", "ete", "marie helene", "la"));
        List<Set<String>> sets = List.of(before, after, Lexicon.ORGANISATIONS, Lexicon.ROLE_WORDS, Lexicon.ORG_WORDS,
                Set.of("la", "\n", "—"));
        int hits = 0;
        for (Set<String> words : sets) {
            for (int i = 0; i < t.size; i++) {
                assertEquals(words.contains(t.f(i)), t.in(words, i), t.word[i] + " folded in " + words);
                assertEquals(words.contains(t.lower(i)), t.lowerIn(words, i), t.word[i] + " lower-case in " + words);
                hits += t.in(words, i) ? 1 : 0;
            }
            assertEquals(words.contains(""), t.lowerIn(words, -1), "before the first token, lower() is empty");
            assertEquals(words.contains(""), t.lowerIn(words, t.size), "after the last token, lower() is empty");
        }
        assertTrue(hits >= 12, "the text holds words of the sets: " + hits);
    }

    @Test
    void punctuationTokensAnswerFromTheirMasksAsTheSetsDo() {
        // marks' masks are worked out once per table of sets: a set of marks must still be answered exactly
        WordSet marks = new WordSet(List.of("«", "—", "\n", "&", ",", "ⓐ", ""));
        Tokens t = new Tokens("« Oui », dit-il — AT&T & Ⓐ, ¿ ‰\n\nFin ⸺ 〈 〉 \u3001 \uD83D\uDE00.");
        int marksFound = 0;
        for (int i = 0; i < t.size; i++) {
            assertEquals(marks.contains(t.f(i)), t.in(marks, i), t.word[i] + " folded");
            assertEquals(marks.contains(t.lower(i)), t.lowerIn(marks, i), t.word[i] + " lower-case");
            marksFound += !t.isWord[i] && t.lowerIn(marks, i) ? 1 : 0;
        }
        assertTrue(marksFound >= 6, "«, —, the line break, &, the comma and Ⓐ (lower-case ⓐ): " + marksFound);
    }
}
