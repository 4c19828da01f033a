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

/** The extractor's word lists answer exactly as a HashSet of the same words. */
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
}
