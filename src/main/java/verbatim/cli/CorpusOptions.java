package verbatim.cli;

import picocli.CommandLine.Option;
import verbatim.ingest.ArticleReader;

import java.nio.file.Path;

/** Where the corpus and the index live, shared by the commands that need them. */
final class CorpusOptions {

    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "${env:VERBATIM_CORPUS:-corpus}",
            description = "Folder of articles: .html/.htm pages, .txt extractions, .jsonl and .jsonl.gz records, "
                    + "searched recursively (default: ${DEFAULT-VALUE}; env VERBATIM_CORPUS).")
    Path corpus;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "${env:VERBATIM_INDEX:-index}",
            description = "Folder of the Lucene index (default: ${DEFAULT-VALUE}; env VERBATIM_INDEX).")
    Path index;

    @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "" + ArticleReader.DEFAULT_MAX_BYTES,
            description = "Skip (and report) files, and JSONL records, larger than this (default: ${DEFAULT-VALUE} = 20 MB).")
    long maxFileBytes;
}
