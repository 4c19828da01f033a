package verbatim.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FrenchAnalysisTest {

    static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) terms.add(term.toString());
            ts.end();
        }
        return terms;
    }

    private static List<String> stemmed(String text) throws IOException {
        return terms(FrenchAnalysis.stemmed(), text);
    }

    @Test
    void accentAndPluralVariantsOfAWordAreOneTerm() throws IOException {
        assertEquals(stemmed("événement"), stemmed("évènements"));
        assertEquals(stemmed("événement"), stemmed("evenements"));
        assertEquals(stemmed("marque"), stemmed("marques"));
        assertEquals(stemmed("stratégie"), stemmed("stratégies"));
        assertEquals(stemmed("stratégie"), stemmed("Strategie"));
    }

    @Test
    void elisionWorksWithEveryApostrophe() throws IOException {
        List<String> engagement = stemmed("engagement");
        assertEquals(engagement, stemmed("l'engagement"));
        assertEquals(engagement, stemmed("l’engagement"));
        assertEquals(engagement, stemmed("lʼengagement"));
        assertEquals(stemmed("usage"), stemmed("jusqu’usage"));
        assertEquals(stemmed("il"), stemmed("lorsqu'il"));
    }

    @Test
    void unelidedWordsKeepOneFormWhateverTheApostrophe() throws IOException {
        assertEquals(stemmed("aujourd'hui"), stemmed("aujourd’hui"));
        assertEquals(1, stemmed("aujourd’hui").size(), "one word, not two");
    }

    @Test
    void stopWordsAreDropped() throws IOException {
        assertEquals(List.of(), stemmed("le la les de des"));
        assertEquals(stemmed("bataille engagement"), stemmed("la bataille de l’engagement"));
    }

    @Test
    void exactAnalysisKeepsEveryWordInOrderFoldingOnlyCaseAccentsAndApostrophes() throws IOException {
        Analyzer exact = FrenchAnalysis.exact();
        assertEquals(List.of("la", "bataille", "de", "l'engagement"), terms(exact, "la bataille de l’engagement"));
        assertEquals(terms(exact, "La Bataille de l'Engagement"), terms(exact, "la bataille de l’engagement"));
        assertEquals(List.of("evenements"), terms(exact, "Évènements"));
        assertNotEquals(terms(exact, "marque"), terms(exact, "marques"), "no stemming in the exact field");
    }
}
