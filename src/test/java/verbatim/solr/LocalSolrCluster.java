package verbatim.solr;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real SolrCloud for the tests: three Solr 9 nodes, each its own JVM started from the {@code solr/} module's
 * classpath, on loopback ports, the first with the embedded ZooKeeper; one {@code verbatim} collection of
 * 2 shards × 2 replicas. Started once for the whole test run ({@link #shared()}) and stopped when the test JVM
 * ends, however it ends: a shutdown hook kills the nodes, and each node also exits when the JVM that started it
 * is gone.
 *
 * <p>Tests that use it skip, saying why, when the module cannot be built (no Maven Central) or the cluster does
 * not start; with {@code -Dverbatim.solr.required=true} (as {@code .ci/run} runs, where Maven Central is always
 * there) they fail instead, so a broken cluster cannot pass CI as a skip.
 */
public final class LocalSolrCluster {

    static final int NODES = 3;
    static final String COLLECTION = "verbatim";

    private static LocalSolrCluster shared;
    private static String failure;

    private final Path dir;
    private final String classpath;
    private final int basePort;
    private final Process[] nodes = new Process[NODES];

    private LocalSolrCluster(Path dir, String classpath, int basePort) {
        this.dir = dir;
        this.classpath = classpath;
        this.basePort = basePort;
    }

    /** The cluster of this test run, started on first use; skips the calling test when it cannot be had. */
    public static synchronized LocalSolrCluster shared() {
        if (shared == null && failure == null) {
            try {
                shared = start();
            } catch (Exception e) {
                failure = e.getMessage();
            }
        }
        if (shared == null && Boolean.getBoolean("verbatim.solr.required")) {
            throw new IllegalStateException("no local SolrCloud, and verbatim.solr.required is set: " + failure);
        }
        Assumptions.assumeTrue(shared != null, () -> "no local SolrCloud, Solr tests skipped: " + failure);
        return shared;
    }

    private static LocalSolrCluster start() throws IOException, InterruptedException {
        String classpath = nodeClasspath();
        Path dir = Files.createTempDirectory("verbatim-solr-");
        LocalSolrCluster cluster = new LocalSolrCluster(dir, classpath, freeBasePort());
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "local-solr-stop"));
        cluster.startNode(0);
        cluster.awaitReady(0);
        for (int i = 1; i < NODES; i++) cluster.startNode(i);
        for (int i = 1; i < NODES; i++) cluster.awaitReady(i);
        try (SolrConnection solr = cluster.connect()) {
            SolrSetup.init(solr, 2, 2);
        }
        return cluster;
    }

    /** Builds the node module when needed, and reads the classpath it writes. */
    private static String nodeClasspath() throws IOException, InterruptedException {
        Path module = Path.of("solr").toAbsolutePath();
        Path jar = module.resolve("target/verbatim-solr-node.jar");
        Path cp = module.resolve("target/classpath.txt");
        if (!Files.exists(jar) || !Files.exists(cp) || newer(module.resolve("pom.xml"), cp)
                || newer(module.resolve("src/main/java/verbatim/solrnode/SolrNode.java"), jar)) {
            Path log = Files.createTempFile("verbatim-solr-build", ".log");
            Process build = new ProcessBuilder(Path.of("mvnw").toAbsolutePath().toString(), "-q", "-B", "-ntp",
                    "-f", module.resolve("pom.xml").toString(), "package", "dependency:build-classpath",
                    "-Dmdep.outputFile=target/classpath.txt")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IOException("could not build solr/ (" + Files.readString(log).lines().limit(5).toList() + ")");
            }
            Files.delete(log);
        }
        return jar + java.io.File.pathSeparator + Files.readString(cp).strip();
    }

    private static boolean newer(Path a, Path b) throws IOException {
        return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b)) > 0;
    }

    /** Node ports base..base+2 and ZooKeeper's base+1000, all free now. */
    private static int freeBasePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 40_000);
            if (free(base) && free(base + 1) && free(base + 2) && free(base + 1000)) return base;
        }
        throw new IOException("no free ports for a local cluster");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Path home(int node) {
        return dir.resolve("node" + (node + 1));
    }

    void startNode(int node) throws IOException {
        Path home = home(node);
        Files.createDirectories(home);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true",
                "-Dverbatim.parentPid=" + ProcessHandle.current().pid(),
                // A killed node's ZooKeeper session, and so its shard leaderships, expire after 10 s, not 30.
                "-Dsolr.zkclienttimeout=10000",
                // A shard request to a replica that stopped answering fails over after 20 s, not 90.
                "-DsocketTimeout=20000", "-DconnTimeout=5000",
                // Collection backups may go there (Solr writes only where it is allowed); all nodes share this disk.
                "-Dsolr.allowPaths=" + backupRoot(),
                node == 0 ? "-DzkRun" : "-DzkHost=" + zkHost(),
                "-cp", classpath, "verbatim.solrnode.SolrNode", Integer.toString(basePort + node), home.toString()));
        Path out = home.resolve("out.log");
        Files.deleteIfExists(out);
        nodes[node] = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    void awaitReady(int node) throws IOException, InterruptedException {
        Path out = home(node).resolve("out.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(out) && Files.readAllLines(out).stream().anyMatch(line -> line.startsWith("READY "))) return;
            if (!nodes[node].isAlive()) throw new IOException("Solr node " + (node + 1) + " died: " + tail(out));
            Thread.sleep(200);
        }
        throw new IOException("Solr node " + (node + 1) + " not ready after 120 s: " + tail(out));
    }

    private static String tail(Path out) throws IOException {
        List<String> lines = Files.exists(out) ? Files.readAllLines(out) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** kill -9 of one node: no shutdown, no goodbye to ZooKeeper. */
    public void kill(int node) throws InterruptedException {
        nodes[node].destroyForcibly();
        nodes[node].waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts a killed node again on its port and data: it rejoins the cluster and recovers its replicas. */
    public void restart(int node) throws IOException, InterruptedException {
        startNode(node);
        awaitReady(node);
    }

    /** The folder the nodes may back collections up into. */
    public Path backupRoot() {
        return dir.resolve("backups");
    }

    public String zkHost() {
        return "127.0.0.1:" + (basePort + 1000);
    }

    public List<String> urls() {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < NODES; i++) urls.add("http://127.0.0.1:" + (basePort + i) + "/solr");
        return urls;
    }

    /** A connection to the test collection through ZooKeeper's live nodes. */
    SolrConnection connect() {
        return connect(COLLECTION);
    }

    /** A connection to {@code collection} through ZooKeeper's live nodes. */
    public SolrConnection connect(String collection) {
        return SolrConnection.ofZooKeeper(zkHost(), collection);
    }

    /**
     * A connection to a new, empty collection of 2 shards × 2 replicas with Verbatim's configset, for one test
     * class (the cluster is shared by all).
     */
    public SolrConnection newCollection(String name) throws IOException {
        SolrConnection solr = connect(name);
        SolrSetup.init(solr, 2, 2);
        return solr;
    }

    private void stop() {
        for (int i = NODES - 1; i >= 0; i--) if (nodes[i] != null) nodes[i].destroyForcibly();
        for (Process p : nodes) {
            try {
                if (p != null) p.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder: the system cleans it in the end
        }
    }
}
