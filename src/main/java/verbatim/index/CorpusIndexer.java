package verbatim.index;

import verbatim.analysis.ArticleAnalysis;
import verbatim.ingest.Article;
import verbatim.ingest.ArticleReader;
import verbatim.ingest.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings an index in line with a corpus folder: new and changed articles are written, unchanged
 * ones are left alone (by content hash), and articles whose file is gone are removed. Articles
 * written through the API are not part of any corpus and are never removed by a sync.
 *
 * <p>Safe to kill at any point: it commits periodically, and a file counts as done only in the
 * commit that follows its last article, so a rerun picks up where the last commit left off.
 */
public final class CorpusIndexer {

    /** Articles whose source is this were written through the HTTP API, not read from the corpus. */
    public static final String API_SOURCE = "api";

    /** What one sync did. */
    public record Summary(int indexed, int unchanged, int removed, int skipped, List<Problem> problems,
                          long bytes, long millis) {
        @Override
        public String toString() {
            return String.format("%d indexed, %d unchanged, %d removed, %d skipped in %.1f s",
                    indexed, unchanged, removed, skipped, millis / 1000.0);
        }
    }

    /** Hears about a sync while it runs; every method has a do-nothing default. */
    public interface Listener {
        default void started(int files, long totalBytes) {
        }

        default void progress(long bytesDone, int articles) {
        }

        default void problem(Problem problem) {
        }
    }

    private final ArticleIndex index;
    private final ArticleReader reader;
    private final ArticleAnalysis analysis = new ArticleAnalysis();
    private final Listener listener;
    private int commitEveryArticles = 5_000;
    private long commitEveryMillis = 10_000;

    public CorpusIndexer(ArticleIndex index, ArticleReader reader, Listener listener) {
        this.index = index;
        this.reader = reader;
        this.listener = listener;
    }

    /** For tests of interrupted runs: commit after this many articles. */
    CorpusIndexer commitEvery(int articles) {
        this.commitEveryArticles = articles;
        return this;
    }

    /**
     * Syncs {@code corpus} into the index. With {@code rebuild}, every article is rewritten even
     * when unchanged (after an analysis change, say).
     */
    public Summary sync(Path corpus, boolean rebuild) throws IOException {
        long start = System.currentTimeMillis();
        Run run = new Run(rebuild);
        List<Path> files = listFiles(corpus, run);
        long totalBytes = 0;
        for (Path f : files) totalBytes += sizeOf(f);
        listener.started(files.size(), totalBytes);

        long bytesBefore = 0;
        try (run.writers) {
            for (Path file : files) {
                run.syncFile(corpus, file, bytesBefore);
                bytesBefore += sizeOf(file);
                listener.progress(bytesBefore, run.indexed + run.unchanged);
            }
            run.writers.drain();
        }
        Set<String> present = new HashSet<>();
        for (Path f : files) present.add(relative(corpus, f));
        for (ArticleIndex.Entry e : run.before.values()) {
            if (!e.source().equals(API_SOURCE) && !present.contains(e.source()) && !run.seen.contains(e.id())) {
                index.delete(e.id());
                run.removed++;
            }
        }
        run.state.keySet().retainAll(present);
        index.commit(run.state);
        return new Summary(run.indexed, run.unchanged, run.removed, run.problems.size(), List.copyOf(run.problems),
                totalBytes, System.currentTimeMillis() - start);
    }

    /** The bookkeeping of one sync. */
    private final class Run {
        final boolean rebuild;
        final Map<String, ArticleIndex.Entry> before;
        final Map<String, List<ArticleIndex.Entry>> bySource;
        final Map<String, String> state;
        final Set<String> seen = new HashSet<>();
        final Workers writers = new Workers(Math.max(1, Runtime.getRuntime().availableProcessors()));
        final List<Problem> problems = new ArrayList<>();
        int indexed;
        int unchanged;
        int removed;
        int sinceCommit;
        long lastCommit = System.currentTimeMillis();

        Run(boolean rebuild) throws IOException {
            this.rebuild = rebuild;
            this.before = index.entries();
            this.bySource = before.values().stream().collect(Collectors.groupingBy(ArticleIndex.Entry::source));
            this.state = rebuild ? new HashMap<>() : new HashMap<>(index.corpusState());
        }

        void syncFile(Path corpus, Path file, long bytesBefore) throws IOException {
            String source = relative(corpus, file);
            List<ArticleIndex.Entry> previous = bySource.getOrDefault(source, List.of());
            String fileHash;
            try {
                fileHash = hashOf(file);
            } catch (IOException e) {
                problem(new Problem(source, "cannot read: " + e.getMessage()));
                keep(previous); // an unreadable file is not a deleted one: its articles stay
                return;
            }
            if (fileHash.equals(state.get(source))) {
                keep(previous);
                unchanged += previous.size();
                return;
            }
            state.remove(source);
            Set<String> produced = new HashSet<>();
            int problemsBefore = problems.size();
            boolean[] fileLevelProblem = {false};
            try {
                reader.read(file, source, new ArticleReader.Sink() {
                    @Override
                    public void article(Article article) {
                        produced.add(article.id());
                        seen.add(article.id());
                        try {
                            write(article);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public void progress(long fileBytesRead) {
                        listener.progress(bytesBefore + fileBytesRead, indexed + unchanged);
                    }

                    @Override
                    public void problem(Problem problem) {
                        fileLevelProblem[0] |= problem.source().equals(source);
                        Run.this.problem(problem);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause(); // the index failed, not the input: stop, loudly
            }
            if (fileLevelProblem[0]) {
                keep(previous);
            } else {
                for (ArticleIndex.Entry e : previous) {
                    if (!produced.contains(e.id()) && !seen.contains(e.id())) {
                        index.delete(e.id());
                        removed++;
                    }
                }
            }
            if (problems.size() == problemsBefore) {
                state.put(source, fileHash); // problems are reported again on the next run
            }
        }

        void write(Article article) throws IOException {
            ArticleIndex.Entry old = before.get(article.id());
            if (!rebuild && old != null && old.contentHash().equals(article.contentHash()) && old.source().equals(article.source())) {
                unchanged++;
                return;
            }
            writers.submit(() -> index.upsert(analysis.analyse(article))); // analysed on the worker: it is the costly part
            indexed++;
            if (++sinceCommit >= commitEveryArticles || System.currentTimeMillis() - lastCommit >= commitEveryMillis) {
                writers.drain(); // the files in `state` must have all their articles in this commit
                index.commit(state);
                sinceCommit = 0;
                lastCommit = System.currentTimeMillis();
            }
        }

        void keep(List<ArticleIndex.Entry> entries) {
            entries.forEach(e -> seen.add(e.id()));
        }

        void problem(Problem p) {
            problems.add(p);
            listener.problem(p);
        }
    }

    private static List<Path> listFiles(Path corpus, Run run) throws IOException {
        if (!Files.isDirectory(corpus)) {
            throw new IOException("corpus folder " + corpus + " does not exist or is not a folder");
        }
        List<Path> files = new ArrayList<>();
        // Symbolic links are followed: corpora are often assembled from links to shared data.
        Files.walkFileTree(corpus, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return !dir.equals(corpus) && name.startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && ArticleReader.isArticleFile(file)) files.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                run.problem(new Problem(relative(corpus, file), "cannot read: " + e.getMessage()));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    static String relative(Path corpus, Path file) {
        return corpus.relativize(file).toString().replace('\\', '/');
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String hashOf(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JVM has SHA-256", e);
        }
    }
}
