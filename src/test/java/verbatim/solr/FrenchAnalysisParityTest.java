package verbatim.solr;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.solr.client.solrj.request.FieldAnalysisRequest;
import org.apache.solr.client.solrj.response.AnalysisResponseBase;
import org.apache.solr.client.solrj.response.FieldAnalysisResponse;
import org.junit.jupiter.api.Test;
import verbatim.analysis.FrenchAnalysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The Solr field types analyse French as Verbatim does: the same sentences through {@link FrenchAnalysis} and
 * through the cluster's {@code /analysis/field} give the same terms at the same positions and offsets.
 */
class FrenchAnalysisParityTest {

    static final List<String> SENTENCES = List.of(
            "L’engagement des marques, aujourd’hui comme aujourd'hui, passe par l'émotion.",
            "Lʼévènement qu‘ils préparent n´est pas celui d`hier : c’était jusqu’à 20 h 30.",
            "Les Stratégies d’influence de Société Générale et de L'Oréal coûtent 3,5 millions d’euros en 2023.",
            "« Nous n’avions jamais vu ça », explique Jeanne Martin, directrice générale de Mobilis-Carrefix.",
            "Être ou ne pas être : à l’heure où l’IA générative s’impose, qu’en pensent les éditeurs ?",
            "Œuvres, cœur, naïveté, Noël, déjà-vu, e-mail, COVID-19, #hashtag, @compte et www.exemple.fr",
            "puisqu’il lorsqu'elle quoiqu’on jusqu'au s'il c'est d’où m’a t’en j’ai");

    @Test
    void stemmedFieldTypeGivesVerbatimsTerms() throws IOException {
        for (String sentence : SENTENCES) {
            assertEquals(lucene(FrenchAnalysis.stemmed(), sentence), solr("text_fr", sentence), sentence);
        }
    }

    @Test
    void exactFieldTypeGivesVerbatimsTerms() throws IOException {
        for (String sentence : SENTENCES) {
            assertEquals(lucene(FrenchAnalysis.exact(), sentence), solr("text_fr_exact", sentence), sentence);
        }
    }

    /** Phrases reach Solr as analysed terms, with {@link SolrQuerySyntax#GAP} where a stop word was removed. */
    @Test
    void queryAnalyzersKeepTheGapOfARemovedStopWord() throws IOException {
        for (String fieldType : List.of("text_fr", "text_fr_exact")) {
            assertEquals(List.of("consol@1", "jeu@3"), solrQuery(fieldType, "consol " + SolrQuerySyntax.GAP + " jeu"), fieldType);
        }
    }

    @Test
    void theGapPlaceholderIsNeverAnAnalysedTerm() throws IOException {
        String text = "a _ b __ _c d_e " + SolrQuerySyntax.GAP;
        for (Analyzer analyzer : List.of(FrenchAnalysis.stemmed(), FrenchAnalysis.exact())) {
            assertFalse(lucene(analyzer, text).stream().anyMatch(t -> t.startsWith(SolrQuerySyntax.GAP + "@")), text);
        }
    }

    @Test
    void configSetShipsLucenesFrenchStopWords() throws IOException {
        TreeSet<String> expected = new TreeSet<>();
        for (Object word : FrenchAnalyzer.getDefaultStopSet()) expected.add(new String((char[]) word));
        TreeSet<String> shipped = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/verbatim/solr/conf/stopwords_fr.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(shipped::add);
        }
        assertEquals(expected, shipped);
    }

    /** Term, position (from 1, as Solr counts) and offsets of each token. */
    private static List<String> lucene(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int position = 0;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(term + "@" + position + "[" + offset.startOffset() + "," + offset.endOffset() + ")");
            }
            ts.end();
        }
        return tokens;
    }

    /** Term and position of each token of the field type's query analysis. */
    private static List<String> solrQuery(String fieldType, String text) throws IOException {
        try (SolrConnection solr = LocalSolrCluster.shared().connect()) {
            FieldAnalysisRequest request = new FieldAnalysisRequest().setFieldTypes(List.of(fieldType))
                    .setFieldValue("").setQuery(text);
            FieldAnalysisResponse response = solr.request(request);
            List<AnalysisResponseBase.AnalysisPhase> phases = new ArrayList<>();
            response.getFieldTypeAnalysis(fieldType).getQueryPhases().forEach(phases::add);
            List<String> tokens = new ArrayList<>();
            for (AnalysisResponseBase.TokenInfo t : phases.get(phases.size() - 1).getTokens()) {
                tokens.add(t.getText() + "@" + t.getPosition());
            }
            return tokens;
        }
    }

    private static List<String> solr(String fieldType, String text) throws IOException {
        LocalSolrCluster cluster = LocalSolrCluster.shared();
        try (SolrConnection solr = cluster.connect()) {
            FieldAnalysisRequest request = new FieldAnalysisRequest().setFieldTypes(List.of(fieldType)).setFieldValue(text);
            FieldAnalysisResponse response = solr.request(request);
            List<AnalysisResponseBase.AnalysisPhase> phases = new ArrayList<>();
            response.getFieldTypeAnalysis(fieldType).getIndexPhases().forEach(phases::add);
            List<String> tokens = new ArrayList<>();
            for (AnalysisResponseBase.TokenInfo t : phases.get(phases.size() - 1).getTokens()) {
                tokens.add(t.getText() + "@" + t.getPosition() + "[" + t.getStart() + "," + t.getEnd() + ")");
            }
            return tokens;
        }
    }
}
