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
import org.apache.lucene.util.IOUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
    /** A backup of a SolrCloud collection, made by Solr's Collections API (see {@code verbatim.solr.SolrBackups}). */
    public static final String SOLR_FORMAT = "verbatim-solr-backup/1";
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

        public BackupException(String message, Throwable cause) {
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

    /**
     * The manifest of the backup in {@code from}, read but not checked against the files: a backup of either engine
     * ({@link #FORMAT} or {@link #SOLR_FORMAT}).
     */
    public static Manifest readManifest(Path from) throws BackupException {
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
        return manifest;
    }

    /** Reads and checks the manifest of the backup in {@code from}: every file it names is there, at its size. */
    public static Manifest read(Path from) throws BackupException {
        Manifest manifest = readManifest(from);
        if (SOLR_FORMAT.equals(manifest.format())) {
            throw new BackupException(from + " is a backup of SolrCloud collection " + manifest.source()
                    + ": restore it with --backend solr (see 'verbatim restore --help')");
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
     * Restores the backup in {@code from} as the index folder {@code index}, all or nothing. Refuses when a process
     * holds the index, and when the folder already holds files unless {@code force}. The backup is copied into a
     * sibling folder and checked there (it opens at the backup's commit with the articles the manifest counted;
     * {@code check} also runs Lucene's CheckIndex); only then is it swapped in by renames, and the old index deleted.
     * Killed at any point, the restore leaves the old index or the new one at {@code index}, never a mix: between the
     * two renames of the swap the folder is briefly absent, and {@link #recover} (run by every open) finishes the swap.
     */
    public static Restored restore(Path from, Path index, boolean force, boolean check) throws IOException {
        Manifest manifest = read(from);
        index = index.toAbsolutePath().normalize();
        recover(index);
        Path staging = sibling(index, STAGING);
        Path ready = sibling(index, READY);
        Path replaced = sibling(index, REPLACED);
        Lock lock = null;
        try (FSDirectory current = Files.isDirectory(index) ? FSDirectory.open(index) : null) {
            if (current != null) {
                try {
                    lock = current.obtainLock(IndexWriter.WRITE_LOCK_NAME); // held until the old index is out of the way
                } catch (LockObtainFailedException e) {
                    throw new BackupException("index " + index + " is in use by a running Verbatim process: stop it before restoring", e);
                }
                List<String> existing = new ArrayList<>();
                for (String name : current.listAll()) {
                    if (!name.equals(IndexWriter.WRITE_LOCK_NAME)) existing.add(name);
                }
                if (!existing.isEmpty() && !force) {
                    throw new BackupException("index " + index + " is not empty (" + existing.size()
                            + " files): restore into an empty folder, or pass --force to replace that index");
                }
                for (String name : existing) {
                    if (Files.isDirectory(index.resolve(name))) {
                        throw new BackupException("index " + index + " holds a folder '" + name + "': is it really an index folder?");
                    }
                }
            }
            // Leftovers of an interrupted restore: never the index itself (recover put any finished one in place).
            deleteFolder(staging);
            deleteFolder(ready);
            Files.createDirectories(index.getParent());
            int[] counts = copyAndVerify(from, manifest, staging, check);
            Files.move(staging, ready, StandardCopyOption.ATOMIC_MOVE); // complete and checked: recover may finish the swap
            syncFolder(index.getParent());
            if (current != null) {
                // Still locked: a server starting now cannot open the old index as it goes.
                Files.move(index, replaced, StandardCopyOption.ATOMIC_MOVE);
                syncFolder(index.getParent());
            }
            Files.move(ready, index, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(index.getParent());
            deleteFolder(replaced);
            return new Restored(manifest, counts[0], counts[1], check);
        } finally {
            if (lock != null) lock.close();
            deleteFolder(staging); // a failed copy or check leaves nothing behind, and the old index as it was
        }
    }

    /** Sibling folders of the index {@code DIR} during a restore: {@code .DIR.restoring}, {@code .DIR.restored}, {@code .DIR.replaced}. */
    private static final String STAGING = "restoring";
    private static final String READY = "restored";
    private static final String REPLACED = "replaced";

    private static Path sibling(Path index, String stage) {
        return index.resolveSibling("." + index.getFileName() + "." + stage);
    }

    /**
     * Finishes a restore that was interrupted while it swapped the folders: when {@code index} is missing (or an empty
     * folder) and a complete, checked restored index waits beside it, it is moved into place; a replaced index left
     * beside a restored one is deleted. Does nothing otherwise; cheap enough for every open.
     */
    public static void recover(Path index) throws IOException {
        index = index.toAbsolutePath().normalize();
        if (index.getParent() == null) return;
        Path ready = sibling(index, READY);
        if (Files.isDirectory(ready) && (!Files.exists(index) || isEmptyFolder(index))) {
            if (Files.exists(index)) Files.delete(index);
            Files.move(ready, index, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(index.getParent());
        }
        if (Files.isDirectory(index) && !Files.exists(ready)) deleteFolder(sibling(index, REPLACED));
    }

    /** Copies the backup's files into the new folder {@code staging} and checks the index they make; returns its counts. */
    private static int[] copyAndVerify(Path from, Manifest manifest, Path staging, boolean check) throws IOException {
        Files.createDirectories(staging);
        try (FSDirectory target = FSDirectory.open(staging); FSDirectory source = FSDirectory.open(from)) {
            for (String name : manifest.files().keySet()) {
                target.copyFrom(source, name, name, IOContext.DEFAULT);
            }
            target.sync(manifest.files().keySet());
            target.syncMetaData();
            int[] counts;
            try (DirectoryReader reader = DirectoryReader.open(target)) {
                if (reader.getIndexCommit().getGeneration() != manifest.generation()) {
                    throw new BackupException("the restored index opens at commit " + reader.getIndexCommit().getGeneration()
                            + ", the backup holds commit " + manifest.generation() + "; the index was left as it was");
                }
                counts = counts(reader);
            } catch (IOException e) {
                if (e instanceof BackupException) throw e;
                throw new BackupException("the backup " + from + " does not open as an index (" + e.getMessage()
                        + "); the index was left as it was", e);
            }
            if (counts[0] != manifest.articles()) {
                throw new BackupException("the restored index holds " + counts[0] + " articles, the backup manifest says "
                        + manifest.articles() + "; the index was left as it was");
            }
            if (check) {
                try (CheckIndex checker = new CheckIndex(target)) {
                    CheckIndex.Status status = checker.checkIndex();
                    if (!status.clean) throw new BackupException("CheckIndex finds the backup " + from + " damaged; the index was left as it was");
                }
            }
            return counts;
        }
    }

    /** Makes renames in {@code folder} durable (a no-op where folders cannot be synced). */
    private static void syncFolder(Path folder) throws IOException {
        IOUtils.fsync(folder, true);
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** Articles and quotes in the index {@code reader} reads. */
    static int[] counts(DirectoryReader reader) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        return new int[] {
                searcher.count(new TermQuery(new Term(Schema.KIND, Schema.KIND_ARTICLE))),
                searcher.count(new TermQuery(new Term(Schema.KIND, Schema.KIND_QUOTE)))};
    }

    /** Writes the manifest last, by an atomic rename: a folder without it is an interrupted backup. */
    public static void writeManifest(Path target, Manifest manifest) throws IOException {
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
