package verbatim.solr;

import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.ContentStreamBase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Puts Verbatim's configset (schema and settings, from the jar's {@code verbatim/solr/conf/}) into the cluster
 * and creates the collection, or reloads it when it exists so a changed configset takes effect.
 */
public final class SolrSetup {

    /** The files of the configset, in {@code src/main/resources/verbatim/solr/conf/}. */
    static final List<String> CONF_FILES = List.of("schema.xml", "solrconfig.xml", "stopwords_fr.txt", "elisions_fr.txt", "query_gaps.txt");

    private SolrSetup() {
    }

    /** What was done, for the operator. */
    public record Outcome(String configSet, String collection, boolean created) {
    }

    /**
     * Uploads the configset under the collection's name and creates the collection with {@code shards} shards of
     * {@code replicas} replicas each; an existing collection keeps its shards and is reloaded.
     */
    public static Outcome init(SolrConnection solr, int shards, int replicas) throws IOException {
        String name = solr.collection();
        solr.admin(new ConfigSetAdminRequest.Upload().setConfigSetName(name).setOverwrite(true).setCleanup(true)
                .setUploadStream(new ContentStreamBase.ByteArrayStream(configSetZip(), name + ".zip", "application/octet-stream")));
        List<String> existing = asNames(solr.admin(new CollectionAdminRequest.List()).getResponse().get("collections"));
        boolean created = !existing.contains(name);
        if (created) {
            solr.admin(CollectionAdminRequest.createCollection(name, name, shards, replicas));
        } else {
            solr.admin(CollectionAdminRequest.reloadCollection(name));
        }
        awaitServing(solr);
        return new Outcome(name, name, created);
    }

    /** True when the cluster has the connection's collection. */
    public static boolean exists(SolrConnection solr) throws IOException {
        return asNames(solr.admin(new CollectionAdminRequest.List()).getResponse().get("collections")).contains(solr.collection());
    }

    @SuppressWarnings("unchecked")
    private static List<String> asNames(Object collections) {
        return collections == null ? List.of() : (List<String>) collections;
    }

    /** Waits until a query on the collection answers (every shard has a leader). */
    static void awaitServing(SolrConnection solr) throws IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", "*:*");
        params.set("rows", 0);
        while (true) {
            try {
                solr.request(new QueryRequest(params));
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) throw e;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for the collection", e);
            }
        }
    }

    /** The configset as the zip Solr's configset API takes. */
    static byte[] configSetZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : CONF_FILES) {
                try (InputStream in = SolrSetup.class.getResourceAsStream("/verbatim/solr/conf/" + file)) {
                    if (in == null) throw new IOException("configset file missing from the jar: " + file);
                    zip.putNextEntry(new ZipEntry(file));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }
}
