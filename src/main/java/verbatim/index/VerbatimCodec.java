package verbatim.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's codec with stored fields in small blocks. A search reads every hit's stored fields, body included (the
 * passages come from it), and Lucene's default packs about 80 KB of documents into one block, so reading a 3 KB
 * article decompressed 8 to 16 KB (a preset dictionary and the sub-blocks the article spans): a sixth of a
 * search's CPU. In 8 KB blocks of plain LZ4 a read decompresses from its block's start to the article's end, half as
 * much, and the stored fields of the 38k-article corpus grow by 4 % (69 → 72 MB). Writing them costs more (≈ 80 µs
 * an article: each small block resets LZ4's hash table); see bench/README, "latency5".
 *
 * <p>Segments name their codec, and Lucene finds it by that name ({@code META-INF/services}): an index written before
 * keeps its segments in Lucene's codec and reads as it did; new segments, and a forced merge, use this one. The name
 * is fixed to Lucene's codec of this version: when an upgrade of Lucene brings a new default codec, this class stays
 * (with lucene-backward-codecs) to read old indexes and a new one with a new name writes.
 */
public final class VerbatimCodec extends FilterCodec {

    public static final String NAME = "Verbatim104";

    private final StoredFieldsFormat storedFields =
            new Lucene90CompressingStoredFieldsFormat("VerbatimStoredFields", CompressionMode.FAST, 8 * 1024, 128, 10);

    /** For Lucene's service loader, which finds the codec a segment names. */
    public VerbatimCodec() {
        super(NAME, new Lucene104Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }
}
