package verbatim.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.Company;
import verbatim.analysis.Mentions;
import verbatim.analysis.Quote;
import verbatim.analysis.Speaker;
import verbatim.ingest.Article;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaTest {

    private static final Mentions MENTIONS = new Mentions(
            List.of(new Speaker("Éric Ochs", "Mobilis", "directeur", true), new Speaker("eric ochs", null, null, false),
                    new Speaker("Jeanne Martin", null, null, false)),
            List.of(new Company("Mobilis", List.of())), List.of());

    /** The stored form of an article document, as a search reads it back. */
    private static Document stored(AnalysedArticle analysed) {
        List<Document> block = Schema.toDocuments(analysed);
        Document written = block.get(block.size() - 1);
        Document read = new Document();
        for (IndexableField f : written.getFields()) {
            if (f.fieldType().stored()) read.add(new StoredField(f.name(), f.stringValue() == null ? "" : f.stringValue()));
        }
        return read;
    }

    private static AnalysedArticle article(Mentions mentions) {
        return new AnalysedArticle(new Article("a", "t/a", null, "Titre", null, null, null, List.of(), "fr", "Texte."), mentions);
    }

    @Test
    void speakersAndCompaniesAreReadWithoutTheMentionsJson() {
        Document doc = stored(article(MENTIONS));
        doc.removeFields(Schema.MENTIONS);
        assertEquals(List.of("Éric Ochs", "Jeanne Martin"), Schema.speakers(doc), "one name per folded form, in order");
        assertEquals(List.of("Mobilis"), Schema.companies(doc));
    }

    @Test
    void anIndexWrittenBeforeTheNamesWereStoredStillShowsThem() {
        Document doc = stored(article(MENTIONS));
        doc.removeFields(Schema.valueField(Schema.SPEAKER));
        doc.removeFields(Schema.valueField(Schema.COMPANY));
        assertEquals(List.of("Éric Ochs", "eric ochs", "Jeanne Martin"), Schema.speakers(doc), "as the JSON has them");
        assertEquals(List.of("Mobilis"), Schema.companies(doc));
    }

    @Test
    void anArticleWithoutEntitiesHasNoNames() {
        Document doc = stored(article(Mentions.EMPTY));
        assertEquals(List.of(), Schema.speakers(doc));
        assertEquals(List.of(), Schema.companies(doc));
        assertEquals(Mentions.EMPTY, Schema.mentions(doc));
    }

    @Test
    void facetValuesAreFilteredByTheirKeywordTermAndCountedFromDocValuesOnly() {
        Mentions quoted = new Mentions(MENTIONS.speakers(), MENTIONS.companies(),
                List.of(new Quote("Le mobile doit gagner", "Éric Ochs", "Mobilis", false, 0, 21)));
        for (Document doc : Schema.toDocuments(article(quoted))) {
            assertEquals("eric ochs", doc.get(Schema.SPEAKER), "the folded term a speaker filter matches");
            for (IndexableField f : doc.getFields(FacetsConfig.DEFAULT_INDEX_FIELD_NAME)) {
                assertEquals(IndexOptions.NONE, f.fieldType().indexOptions(), "no drill-down term: filters never ask for one");
                assertEquals(DocValuesType.SORTED_SET, f.fieldType().docValuesType(), "the facet's doc values, which the counts read");
            }
            assertTrue(doc.getFields(FacetsConfig.DEFAULT_INDEX_FIELD_NAME).length > 0, "speaker and company are counted");
        }
    }

    /** The general path of {@link Schema#key}: decompose, drop marks, one apostrophe, single spaces, strip, lower case. */
    private static String generalKey(String value) {
        String decomposed = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return verbatim.analysis.FrenchAnalysis.foldApostrophes(decomposed).replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void keysOfLatin1ValuesAreWhatTheGeneralPathMakes() {
        assertEquals("frederic levy", Schema.key(" Frédéric \t Lévy "));
        assertEquals("l'oreal", Schema.key("L´Oréal"));
        assertEquals("cœur", Schema.key("Cœur"), "not Latin-1: the general path");
        StringBuilder pair = new StringBuilder("..");
        for (char a = 0; a < 0x100; a++) {
            for (char b = 0; b < 0x100; b++) {
                pair.setCharAt(0, a);
                pair.setCharAt(1, b);
                String v = pair.toString();
                assertEquals(generalKey(v), Schema.key(v), v);
            }
        }
        for (String v : List.of("Société Générale", "ÆSOP  Ørsted", "Ça\u00A0va", "  À l’Élysée ", "Dès\u001Fhier", "Crème brûlée\r\n")) {
            assertEquals(generalKey(v), Schema.key(v), v);
        }
    }
}
