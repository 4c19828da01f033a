package verbatim.solrnode;

import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * One SolrCloud node in this JVM, on loopback, for development and tests: a Jetty serving Solr at
 * {@code http://127.0.0.1:PORT/solr}. The first node of a cluster runs the embedded ZooKeeper
 * ({@code -DzkRun}, on PORT + 1000); the others join it ({@code -DzkHost=127.0.0.1:ZKPORT}).
 *
 * <pre>{@code java -cp CLASSPATH -DzkRun verbatim.solrnode.SolrNode 8983 /data/node1}</pre>
 *
 * <p>Prints {@code READY <base url>} once the node serves, and stops cleanly on SIGTERM. With
 * {@code -Dverbatim.parentPid=PID} it also stops when that process ends (tests start nodes so).
 */
public final class SolrNode {

    private SolrNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SolrNode PORT SOLR_HOME   (with -DzkRun on the first node, -DzkHost=HOST:PORT on the others)");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path home = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(home);
        Path solrXml = home.resolve("solr.xml");
        if (!Files.exists(solrXml)) Files.writeString(solrXml, MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML);
        // The embedded ZooKeeper reads its settings from the node's home; without a Solr install there is no default.
        Path zooCfg = home.resolve("zoo.cfg");
        if (!Files.exists(zooCfg)) Files.writeString(zooCfg, """
                tickTime=2000
                initLimit=10
                syncLimit=5
                admin.enableServer=false
                4lw.commands.whitelist=ruok,mntr,conf
                """);
        // Names the node 127.0.0.1:PORT_solr in the cluster state, so clients reach it on loopback.
        System.setProperty("host", "127.0.0.1");
        System.setProperty("hostPort", Integer.toString(port));
        System.setProperty("solr.log.dir", home.resolve("logs").toString());

        JettySolrRunner node = new JettySolrRunner(home.toString(), new Properties(),
                JettyConfig.builder().setPort(port).setContext("/solr").stopAtShutdown(false).build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.stop();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "solr-node-stop"));
        node.start();
        if (node.getCoreContainer() == null || node.getCoreContainer().isShutDown()) {
            System.err.println("Solr did not start on port " + port + "; see the log above");
            Runtime.getRuntime().halt(1);
        }
        // Started by a test: go when the test JVM goes, however it goes.
        String parent = System.getProperty("verbatim.parentPid");
        if (parent != null) {
            ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                    p -> p.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
        }
        System.out.println("READY " + node.getBaseUrl());
        System.out.flush();
        stopped.await();
    }
}
