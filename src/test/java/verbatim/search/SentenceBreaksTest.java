package verbatim.search;

import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.junit.jupiter.api.Test;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentenceBreaksTest {

    /** The text cut at each boundary {@code next()} gives, from the start. */
    private static List<String> sentences(String text) {
        BreakIterator breaks = new SentenceBreaks();
        breaks.setText(text);
        List<String> out = new ArrayList<>();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) out.add(text.substring(start, end));
        return out;
    }

    @Test
    void sentencesEndAtFullStopsQuestionAndExclamationMarksAndEllipses() {
        assertEquals(List.of("Le marché recule. ", "Pourquoi ? ", "Personne ne sait ! ", "Attendons… ", "Ou pas..."),
                sentences("Le marché recule. Pourquoi ? Personne ne sait ! Attendons… Ou pas..."));
    }

    @Test
    void frenchSpacingAndClosingQuotesStayWithTheirSentence() {
        assertEquals(List.of("« C'est fini. » ", "Puis\u00a0? ", "« Vraiment\u202f! » ", "(Oui.) ", "Fin."),
                sentences("« C'est fini. » Puis\u00a0? « Vraiment\u202f! » (Oui.) Fin."));
    }

    @Test
    void abbreviationsInitialsAndNumbersDoNotEndASentence() {
        assertEquals(List.of("M. Macron et Mme. Borne ont vu J. Dupont, cf. p. 12, pour 3.5 millions. ", "Fin."),
                sentences("M. Macron et Mme. Borne ont vu J. Dupont, cf. p. 12, pour 3.5 millions. Fin."));
    }

    @Test
    void aLowerCaseWordContinuesTheSentence() {
        assertEquals(List.of("Des pommes, des poires, etc. et des fraises. ", "Ensuite ?"),
                sentences("Des pommes, des poires, etc. et des fraises. Ensuite ?"));
    }

    @Test
    void aLineBreakEndsALineThatHasNoFullStopUnlessTheNextLineGoesOn() {
        assertEquals(List.of("Un titre sans point\n\n", "- une liste\n", "- de points\n", "Une phrase\ncoupée en deux."),
                sentences("Un titre sans point\n\n- une liste\n- de points\nUne phrase\ncoupée en deux."));
    }

    @Test
    void followingAndPrecedingGiveTheNearestBoundaryEitherSide() {
        String text = "Une. Deux. Trois.";
        BreakIterator breaks = new SentenceBreaks();
        breaks.setText(text);
        assertEquals(5, breaks.following(0));
        assertEquals(5, breaks.following(4));
        assertEquals(11, breaks.following(5));
        assertEquals(text.length(), breaks.following(12));
        assertEquals(BreakIterator.DONE, breaks.following(text.length()));
        assertEquals(5, breaks.preceding(11));
        assertEquals(0, breaks.preceding(5));
        assertEquals(BreakIterator.DONE, breaks.preceding(0));
        assertTrue(breaks.isBoundary(11));
        assertFalse(breaks.isBoundary(12));
        assertThrows(IllegalArgumentException.class, () -> breaks.following(text.length() + 1));
        assertThrows(IllegalArgumentException.class, () -> breaks.preceding(-1));
    }

    @Test
    void emptyTextHasOnlyItsStart() {
        BreakIterator breaks = new SentenceBreaks();
        breaks.setText("");
        assertEquals(0, breaks.first());
        assertEquals(BreakIterator.DONE, breaks.next());
        assertEquals(BreakIterator.DONE, breaks.following(0));
        assertEquals(BreakIterator.DONE, breaks.preceding(0));
    }

    @Test
    void aTextOfTwoHundredThousandCharactersWithoutAFullStopIsOneSentence() {
        String text = "mot ".repeat(50_000);
        BreakIterator breaks = LengthGoalBreakIterator.createClosestToLength(new SentenceBreaks(), Snippets.PASSAGE_LENGTH, 0.5f);
        breaks.setText(text);
        assertEquals(text.length(), breaks.following(100_000));
        assertEquals(0, breaks.preceding(100_000));
    }

    @Test
    void theLengthGoalJoinsShortSentencesIntoPassagesOfAboutOneHundredSixtyCharacters() {
        String text = "Une phrase courte de trente car. ".repeat(20);
        BreakIterator breaks = LengthGoalBreakIterator.createClosestToLength(new SentenceBreaks(), Snippets.PASSAGE_LENGTH, 0.5f);
        breaks.setText(text);
        int start = breaks.preceding(330);
        int end = breaks.following(335);
        assertEquals(0, start % 33, "starts a sentence");
        assertEquals(0, end % 33, "ends one");
        assertTrue(end - start >= 120 && end - start <= 200, "about 160 characters: " + (end - start));
    }
}
