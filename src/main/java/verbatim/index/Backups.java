package verbatim.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Backups of the index: the files of one commit, copied into a folder of their own, with a manifest
 * ({@value #MANIFEST}) written last. A folder without the manifest is an interrupted backup and is
 * never restored.
 */
public final class Backups {

    public static final String MANIFEST = "verbatim-backup.json";
    static final String FORMAT = "verbatim-backup/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Backups() {
    }

    /**
     * What a backup holds.
     *
     * @param format     {@value #FORMAT}
     * @param created    when the backup was taken (ISO-8601)
     * @param source     the index folder it was taken from
     * @param generation the Lucene commit generation copied
     * @param articles   articles in that commit
     * @param quotes     quotes in that commit
     * @param bytes      total size of the files
     * @param files      every file of the commit with its size
     */
    public record Manifest(String format, String created, String source, long generation, int articles, int quotes,
                           long bytes, Map<String, Long> files) {
    }

    /** What a restore put in place, counted by opening the restored index. */
    public record Restored(Manifest manifest, int articles, int quotes, boolean checked) {
    }

    /** Thrown when a backup or a restore cannot be done; the message says why and what to do. */
    public static final class BackupException extends IOException {
        public BackupException(String message) {
            super(message);
        }

        BackupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Copies the files of {@code commit} from {@code source} into the new or empty folder {@code target}. */
    static Manifest copy(Path sourcePath, Directory source, IndexCommit commit, Path target) throws IOException {
        if (Files.exists(target) && !isEmptyFolder(target)) {
            throw new BackupException("backup folder " + target + " is not empty: back up into a new folder");
        }
        Files.createDirectories(target);
        Map<String, Long> files = new TreeMap<>();
        boolean done = false;
        try (FSDirectory out = FSDirectory.open(target)) {
            for (String name : commit.getFileNames()) {
                out.copyFrom(source, name, name, IOContext.DEFAULT);
                files.put(name, out.fileLength(name));
            }
            out.sync(files.keySet());
            out.syncMetaData();
            int[] counts;
            try (DirectoryReader reader = DirectoryReader.open(out)) { // the copy opens: it is complete
                counts = counts(reader);
            }
            long bytes = files.values().stream().mapToLong(Long::longValue).sum();
            Manifest manifest = new Manifest(FORMAT, Instant.now().toString(), sourcePath.toAbsolutePath().toString(),
                    commit.getGeneration(), counts[0], counts[1], bytes, files);
            writeManifest(target, manifest);
            done = true;
            return manifest;
        } finally {
            if (!done) deleteQuietly(target, files.keySet());
        }
    }

    /** Reads and checks the manifest of the backup in {@code from}: every file it names is there, at its size. */
    public static Manifest read(Path from) throws BackupException {
        if (!Files.isDirectory(from)) throw new BackupException("no backup at " + from + ": the folder does not exist");
        Path file = from.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new BackupException(from + " is not a complete Verbatim backup: " + MANIFEST
                    + " is missing (the backup was interrupted, or this is the wrong folder)");
        }
        Manifest manifest;
        try {
            manifest = JSON.readValue(file.toFile(), Manifest.class);
        } catch (IOException e) {
            throw new BackupException("backup " + from + " is damaged: " + MANIFEST + " cannot be read ("
                    + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        if (!FORMAT.equals(manifest.format()) || manifest.files() == null || manifest.files().isEmpty()) {
            throw new BackupException("backup " + from + " is damaged: " + MANIFEST + " is not a " + FORMAT + " manifest");
        }
        for (Map.Entry<String, Long> f : manifest.files().entrySet()) {
            if (f.getKey().contains("/") || f.getKey().contains("\\") || f.getKey().startsWith(".")) {
                throw new BackupException("backup " + from + " is damaged: the manifest names an odd file '" + f.getKey() + "'");
            }
            Path p = from.resolve(f.getKey());
            long size;
            try {
                size = Files.size(p);
            } catch (IOException e) {
                throw new BackupException("backup " + from + " is damaged: file " + f.getKey() + " is missing");
            }
            if (size != f.getValue()) {
                throw new BackupException("backup " + from + " is damaged: file " + f.getKey() + " has " + size
                        + " bytes, the manifest says " + f.getValue());
            }
        }
        return manifest;
    }

    /**
     * Restores the backup in {@code from} into the index folder {@code index}. Refuses when a process holds the
     * index, and when the folder already holds files unless {@code force} (which deletes them first). Verifies that
     * the restored index opens and holds the articles the manifest counted; {@code check} also runs Lucene's
     * CheckIndex over it.
     */
    public static Restored restore(Path from, Path index, boolean force, boolean check) throws IOException {
        Manifest manifest = read(from);
        Files.createDirectories(index);
        try (FSDirectory target = FSDirectory.open(index); FSDirectory source = FSDirectory.open(from)) {
            Lock lock;
            try {
                lock = target.obtainLock(IndexWriter.WRITE_LOCK_NAME);
            } catch (LockObtainFailedException e) {
                throw new BackupException("index " + index + " is in use by a running Verbatim process: stop it before restoring", e);
            }
            try (lock) {
                List<String> existing = new ArrayList<>();
                for (String name : target.listAll()) {
                    if (!name.equals(IndexWriter.WRITE_LOCK_NAME)) existing.add(name);
                }
                if (!existing.isEmpty()) {
                    if (!force) {
                        throw new BackupException("index " + index + " is not empty (" + existing.size()
                                + " files): restore into an empty folder, or pass --force to replace that index");
                    }
                    for (String name : existing) {
                        if (Files.isDirectory(index.resolve(name))) {
                            throw new BackupException("index " + index + " holds a folder '" + name + "': is it really an index folder?");
                        }
                    }
                    for (String name : existing) target.deleteFile(name);
                }
                for (String name : manifest.files().keySet()) {
                    target.copyFrom(source, name, name, IOContext.DEFAULT);
                }
                target.sync(manifest.files().keySet());
                target.syncMetaData();
            }
            int[] counts;
            try (DirectoryReader reader = DirectoryReader.open(target)) {
                if (reader.getIndexCommit().getGeneration() != manifest.generation()) {
                    throw new BackupException("restored index " + index + " opens at commit " + reader.getIndexCommit().getGeneration()
                            + ", the backup holds commit " + manifest.generation());
                }
                counts = counts(reader);
            } catch (IOException e) {
                if (e instanceof BackupException) throw e;
                throw new BackupException("the restored index " + index + " does not open: " + e.getMessage(), e);
            }
            if (counts[0] != manifest.articles()) {
                throw new BackupException("the restored index holds " + counts[0] + " articles, the backup manifest says " + manifest.articles());
            }
            if (check) {
                try (CheckIndex checker = new CheckIndex(target)) {
                    CheckIndex.Status status = checker.checkIndex();
                    if (!status.clean) throw new BackupException("CheckIndex finds the restored index " + index + " damaged");
                }
            }
            return new Restored(manifest, counts[0], counts[1], check);
        }
    }

    /** Articles and quotes in the index {@code reader} reads. */
    static int[] counts(DirectoryReader reader) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        return new int[] {
                searcher.count(new TermQuery(new Term(Schema.KIND, Schema.KIND_ARTICLE))),
                searcher.count(new TermQuery(new Term(Schema.KIND, Schema.KIND_QUOTE)))};
    }

    private static void writeManifest(Path target, Manifest manifest) throws IOException {
        Path tmp = target.resolve(MANIFEST + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(manifest), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        Files.move(tmp, target.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean isEmptyFolder(Path p) throws IOException {
        if (!Files.isDirectory(p)) return false;
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteQuietly(Path target, Iterable<String> names) {
        try {
            for (String n : names) Files.deleteIfExists(target.resolve(n));
            Files.deleteIfExists(target.resolve(MANIFEST + ".tmp"));
        } catch (IOException | UncheckedIOException ignored) {
            // the backup already failed with a better message; no manifest, so it is never restored
        }
    }
}
