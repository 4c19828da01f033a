package verbatim.solr;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import verbatim.index.Backups;
import verbatim.index.Schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Backups of a collection by Solr's Collections API: {@code BACKUP} has each shard's leader copy its last commit, with
 * the configset and the collection's layout, into a folder of Solr's local file system repository; {@code RESTORE}
 * creates a collection from it. The folder must be one that every Solr node sees at the same path (one machine, or a
 * shared mount) and that the nodes allow ({@code -Dsolr.allowPaths=DIR}); Verbatim writes its manifest there after
 * Solr is done, so the process running Verbatim must see it too.
 *
 * <p>The manifest ({@link Backups#MANIFEST}, format {@link Backups#SOLR_FORMAT}) lists the files Solr wrote, with
 * their sizes, and the collection's article and quote counts. Writes go on during a backup; when the counts changed
 * while it ran, they are recorded as -1 (not known exactly) and a restore does not compare them.
 */
public final class SolrBackups {

    private SolrBackups() {
    }

    /** Backs the collection up into {@code target} (new, or an empty folder), whose parent exists or is created. */
    static Backups.Manifest backup(SolrConnection solr, Path target) throws IOException {
        target = target.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                if (files.findAny().isPresent()) throw new Backups.BackupException("backup folder " + target + " is not empty: back up into a new folder");
            }
            Files.delete(target); // Solr makes it; an empty one left here would only be in its way
        }
        Files.createDirectories(target.getParent());
        long[] before = counts(solr);
        try {
            solr.admin(CollectionAdminRequest.backupCollection(solr.collection(), target.getFileName().toString())
                    .setLocation(target.getParent().toString()));
        } catch (IOException e) {
            throw new Backups.BackupException("Solr could not back up collection " + solr.collection() + " into " + target + ": "
                    + e.getMessage() + " (the folder must be one every Solr node sees and allows: start them with "
                    + "-Dsolr.allowPaths=" + target.getParent() + ")", e);
        }
        long[] after = counts(solr);
        boolean exact = before[0] == after[0] && before[1] == after[1];
        Map<String, Long> files = files(target);
        Backups.Manifest manifest = new Backups.Manifest(Backups.SOLR_FORMAT, Instant.now().toString(), solr.collection(), 0,
                exact ? (int) after[0] : -1, exact ? (int) after[1] : -1,
                files.values().stream().mapToLong(Long::longValue).sum(), files);
        Backups.writeManifest(target, manifest);
        return manifest;
    }

    /** What a restore put in place: the backup's manifest and the restored collection's counts. */
    public record Restored(Backups.Manifest manifest, String collection, long articles, long quotes) {
    }

    /**
     * Restores the backup in {@code from} as the connection's collection. A collection of that name is refused unless
     * {@code force}, which deletes it first: unlike the embedded restore this is not all or nothing, the collection is
     * missing until Solr has restored it (restore into a new name, and point Verbatim at it, to keep serving meanwhile).
     */
    public static Restored restore(SolrConnection solr, Path from, boolean force) throws IOException {
        from = from.toAbsolutePath().normalize();
        Backups.Manifest manifest = check(from);
        String collection = solr.collection();
        if (SolrSetup.exists(solr)) {
            if (!force) {
                throw new Backups.BackupException("collection " + collection + " exists: restore into a new --collection, "
                        + "or give --force to delete it and restore the backup in its place");
            }
            solr.admin(CollectionAdminRequest.deleteCollection(collection));
        }
        try {
            solr.admin(CollectionAdminRequest.restoreCollection(collection, from.getFileName().toString())
                    .setLocation(from.getParent().toString()));
        } catch (IOException e) {
            throw new Backups.BackupException("Solr could not restore " + from + " as collection " + collection + ": " + e.getMessage(), e);
        }
        SolrSetup.awaitServing(solr);
        long[] counts = counts(solr);
        if (manifest.articles() >= 0 && (counts[0] != manifest.articles() || counts[1] != manifest.quotes())) {
            throw new Backups.BackupException("collection " + collection + " was restored from " + from + " but holds " + counts[0]
                    + " articles and " + counts[1] + " quotes; the backup had " + manifest.articles() + " and " + manifest.quotes());
        }
        return new Restored(manifest, collection, counts[0], counts[1]);
    }

    /** The backup's manifest, once every file it names is found in the folder at its size. */
    static Backups.Manifest check(Path from) throws IOException {
        Backups.Manifest manifest = Backups.readManifest(from);
        if (!Backups.SOLR_FORMAT.equals(manifest.format()) || manifest.files() == null || manifest.files().isEmpty()) {
            throw new Backups.BackupException(from + " is not a backup of a SolrCloud collection (" + manifest.format()
                    + "): restore an embedded index's backup with --index, then 'verbatim migrate' it");
        }
        for (Map.Entry<String, Long> f : manifest.files().entrySet()) {
            Path p = from.resolve(f.getKey()).normalize();
            if (!p.startsWith(from) || p.equals(from)) {
                throw new Backups.BackupException("backup " + from + " is damaged: the manifest names an odd file '" + f.getKey() + "'");
            }
            long size = Files.isRegularFile(p) ? Files.size(p) : -1;
            if (size != f.getValue()) {
                throw new Backups.BackupException("backup " + from + " is damaged: file " + f.getKey()
                        + (size < 0 ? " is missing" : " has " + size + " bytes, the manifest says " + f.getValue()));
            }
        }
        return manifest;
    }

    private static Map<String, Long> files(Path folder) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString().replace('\\', '/'), Files.size(p));
            }
        }
        return files;
    }

    /** Articles and quotes in the collection now. */
    private static long[] counts(SolrConnection solr) throws IOException {
        return new long[] {count(solr, Schema.KIND_ARTICLE), count(solr, Schema.KIND_QUOTE)};
    }

    private static long count(SolrConnection solr, String kind) throws IOException {
        return solr.request(new QueryRequest(new SolrQuery(Schema.KIND + ":" + kind).setRows(0))).getResults().getNumFound();
    }
}
