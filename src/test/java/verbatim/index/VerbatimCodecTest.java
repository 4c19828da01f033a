package verbatim.index;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.Mentions;
import verbatim.ingest.Article;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Segments are written with stored fields in small blocks, and indexes written with Lucene's own codec still read. */
class VerbatimCodecTest {

    private static AnalysedArticle article(String id, String text) {
        return new AnalysedArticle(new Article(id, "test/" + id, null, "Titre " + id, null, null, null, List.of(), "fr", text),
                Mentions.EMPTY);
    }

    private static Set<String> codecs(Path dir) throws IOException {
        Set<String> names = new HashSet<>();
        try (FSDirectory directory = FSDirectory.open(dir)) {
            for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) names.add(segment.info.getCodec().getName());
        }
        return names;
    }

    @Test
    void newSegmentsUseTheCodecAndLuceneFindsItByName(@TempDir Path dir) throws IOException {
        try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
            index.upsert(article("a", "Le marché du luxe recule en Europe. ".repeat(400)));
            index.commit(Map.of());
        }
        assertEquals(Set.of(VerbatimCodec.NAME), codecs(dir));
        assertEquals(VerbatimCodec.class, Codec.forName(VerbatimCodec.NAME).getClass());
        try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
            assertEquals("Le marché du luxe recule en Europe. ".repeat(400), index.get("a").article().text());
        }
    }

    @Test
    void anIndexWrittenWithLucenesCodecStillReadsAndMergesIntoTheNewOne(@TempDir Path tmp) throws IOException {
        Path written = tmp.resolve("written");
        Path dir = tmp.resolve("index");
        try (LuceneArticleIndex index = LuceneArticleIndex.open(written)) {
            index.upsert(article("old", "Un article écrit avant."));
            index.commit(Map.of());
        }
        // The same documents through Lucene's default codec: the index of a Verbatim from before this codec.
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(written));
             IndexWriter writer = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig().setCodec(Codec.getDefault()))) {
            writer.setLiveCommitData(reader.getIndexCommit().getUserData().entrySet());
            for (LeafReaderContext leaf : reader.leaves()) writer.addIndexes(SlowCodecReaderWrapper.wrap(leaf.reader()));
            writer.commit();
        }
        assertEquals(Set.of(Codec.getDefault().getName()), codecs(dir));
        try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
            assertEquals("Un article écrit avant.", index.get("old").article().text());
            index.upsert(article("new", "Un article écrit après."));
            index.commit(Map.of());
            assertEquals(Set.of(Codec.getDefault().getName(), VerbatimCodec.NAME), codecs(dir));
            index.forceMerge(1);
        }
        assertEquals(Set.of(VerbatimCodec.NAME), codecs(dir));
        try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
            assertEquals("Un article écrit avant.", index.get("old").article().text());
            assertEquals("Un article écrit après.", index.get("new").article().text());
        }
    }
}
