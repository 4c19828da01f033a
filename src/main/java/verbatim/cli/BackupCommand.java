package verbatim.cli;

import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import verbatim.index.ArticleIndex;
import verbatim.index.Backups;
import verbatim.index.LuceneArticleIndex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Copy a consistent snapshot of the index (its last commit) into a new folder, with a manifest "
                + "(" + Backups.MANIFEST + ") written last; 'verbatim restore' puts it back.",
                "",
                "This command opens the index itself, so it works only when no server holds it. While 'verbatim serve' "
                        + "runs, ask the server instead; it keeps serving and writing while it copies:",
                "  curl -X POST -H \"Authorization: Bearer $VERBATIM_ADMIN_KEY\" \\",
                "       'http://localhost:7070/api/admin/backup?dir=NAME'",
                "(NAME is a folder under the server's --backup-root.)",
                "",
                "With --backend solr, Solr's Collections API backs the collection up into --to, which every Solr node must "
                        + "see at that path and allow (-Dsolr.allowPaths); this works while servers run.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the backup is complete", "1:no backup was made (index in use or missing, target not empty, I/O error)",
                "2:bad options"})
final class BackupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "${env:VERBATIM_INDEX:-index}",
            description = "Folder of the Lucene index to back up (default: ${DEFAULT-VALUE}; env VERBATIM_INDEX).")
    Path index;

    @Mixin
    BackendOptions backend;

    @Option(names = "--to", paramLabel = "DIR", description = "New (or empty) folder to write the backup into.")
    Path to;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Same as --to.")
    Path toPositional;

    @Override
    public Integer call() {
        Path target = to != null ? to : toPositional;
        if (target == null) {
            spec.commandLine().getErr().println("verbatim backup: say where the backup goes: verbatim backup --to DIR");
            return 1;
        }
        if (backend.solr()) return solrBackup(target);
        if (!LuceneArticleIndex.exists(index)) {
            spec.commandLine().getErr().println("verbatim backup: there is no index at " + index + " (set --index)");
            return 1;
        }
        try (LuceneArticleIndex opened = LuceneArticleIndex.open(index)) {
            long start = System.nanoTime();
            Backups.Manifest m = opened.backup(target);
            spec.commandLine().getOut().printf("Backed up %,d articles and %,d quotes (commit %d, %d files, %.1f MB) to %s in %.1f s%n",
                    m.articles(), m.quotes(), m.generation(), m.files().size(), m.bytes() / 1e6, target,
                    (System.nanoTime() - start) / 1e9);
            return 0;
        } catch (LuceneArticleIndex.IndexUnavailableException e) {
            if (e.getCause() instanceof LockObtainFailedException) {
                spec.commandLine().getErr().println("verbatim backup: index " + index + " is in use (a running 'verbatim serve' holds it). "
                        + "Ask the server for the backup instead: POST /api/admin/backup?dir=NAME with "
                        + "'Authorization: Bearer <admin key>' (see 'verbatim backup --help').");
            } else {
                spec.commandLine().getErr().println("verbatim backup: " + e.getMessage());
            }
            return 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("verbatim backup: " + e.getMessage());
            return 1;
        }
    }

    private int solrBackup(Path target) {
        try (ArticleIndex solr = backend.open(index)) {
            long start = System.nanoTime();
            Backups.Manifest m = solr.backup(target.toAbsolutePath());
            spec.commandLine().getOut().printf("Backed up collection %s: %s articles and %s quotes (%d files, %.1f MB) to %s in %.1f s%n",
                    m.source(), count(m.articles()), count(m.quotes()), m.files().size(), m.bytes() / 1e6, target.toAbsolutePath(),
                    (System.nanoTime() - start) / 1e9);
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("verbatim backup: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("verbatim backup: " + e.getMessage());
            return 1;
        }
    }

    /** -1 in a Solr manifest: writes ran during the backup, so the count is not known exactly. */
    private static String count(int n) {
        return n < 0 ? "(writes ran meanwhile: uncounted)" : String.format("%,d", n);
    }
}
