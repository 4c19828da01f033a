package verbatim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import verbatim.index.Backups;
import verbatim.solr.SolrBackups;
import verbatim.solr.SolrConnection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Put a backup made by 'verbatim backup' (or POST /api/admin/backup) in place as the index. "
                + "The backup is checked against its manifest first; the restored index is opened and its articles "
                + "counted before the command succeeds.",
                "",
                "Stop the server first: a restore refuses an index a process holds. It also refuses an index folder "
                        + "that already holds files, unless --force, which replaces that index.",
                "",
                "All or nothing: the backup is copied into a folder beside the index (.NAME.restoring) and checked there, "
                        + "then swapped in by renames; the old index is deleted once the new one is in place. Killed at any "
                        + "point, it leaves the old index or the new one, never a mix (the next open finishes an interrupted "
                        + "swap).",
                "",
                "With --backend solr, restores a collection backup (made with --backend solr, or by a server on Solr) as the "
                        + "--collection, by Solr's Collections API, and checks its counts against the manifest. A collection of "
                        + "that name is refused unless --force, which deletes it first: the collection is then missing until "
                        + "the restore ends (restore into a new name to keep serving the old one meanwhile).", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the index is restored and opens", "1:nothing usable was restored (backup missing or damaged, index in use or not empty)",
                "2:bad options"})
final class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "DIR", description = "Folder of the backup.")
    Path from;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Same as --from.")
    Path fromPositional;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "${env:VERBATIM_INDEX:-index}",
            description = "Folder of the Lucene index to restore into (default: ${DEFAULT-VALUE}; env VERBATIM_INDEX).")
    Path index;

    @Mixin
    BackendOptions backend;

    @Option(names = "--force", description = "Replace the index that the folder holds (deleted once the backup is in place); "
            + "with --backend solr, delete the collection of that name and restore in its place.")
    boolean force;

    @Option(names = "--check", description = "Also run Lucene's CheckIndex over the restored index (reads it all: slow on big ones).")
    boolean check;

    @Override
    public Integer call() {
        Path source = from != null ? from : fromPositional;
        if (source == null) {
            spec.commandLine().getErr().println("verbatim restore: say which backup to restore: verbatim restore --from DIR");
            return 1;
        }
        if (backend.solr()) return solrRestore(source);
        try {
            Backups.Restored r = Backups.restore(source, index, force, check);
            spec.commandLine().getOut().printf("Restored %,d articles and %,d quotes (commit %d, backed up %s) into %s%s%n",
                    r.articles(), r.quotes(), r.manifest().generation(), r.manifest().created(), index,
                    r.checked() ? "; CheckIndex finds it clean" : "");
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("verbatim restore: " + e.getMessage());
            return 1;
        }
    }

    private int solrRestore(Path source) {
        SolrConnection solr;
        try {
            solr = backend.connect();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("verbatim restore: " + e.getMessage());
            return 2;
        }
        try (solr) {
            SolrBackups.Restored r = SolrBackups.restore(solr, source, force);
            spec.commandLine().getOut().printf("Restored collection %s with %,d articles and %,d quotes (backed up %s from %s)%n",
                    r.collection(), r.articles(), r.quotes(), r.manifest().created(), r.manifest().source());
            return 0;
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("verbatim restore: " + e.getMessage());
            return 1;
        }
    }
}
