package verbatim.solr;

import org.apache.solr.client.solrj.request.SolrPing;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a connection to the nodes copes with a node that drops a request unanswered, on a fake node. */
class SolrConnectionTest {

    /**
     * A node closes kept-alive connections that sat idle; the client finds out only when it sends on one. The
     * request is sent again on a new connection, even when the cluster has one node.
     */
    @Test
    void aRequestDroppedUnansweredIsSentAgainOnANewConnection() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket node = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread fake = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        try (Socket s = node.accept()) {
                            readHeaders(s.getInputStream());
                            if (connections.incrementAndGet() > 1) { // the first is closed without a byte
                                OutputStream out = s.getOutputStream();
                                out.write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                        .getBytes(StandardCharsets.US_ASCII));
                                out.flush();
                            }
                        }
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            String url = "http://127.0.0.1:" + node.getLocalPort() + "/solr";
            try (SolrConnection solr = SolrConnection.ofUrls(List.of(url), "c")) {
                IOException e = assertThrows(IOException.class, () -> solr.request(new SolrPing()));
                assertTrue(e.getMessage().contains("2 tries on 1 nodes"), e.getMessage());
            }
            assertTrue(connections.get() >= 2, connections + " connections");
            node.close();
            fake.join(5_000);
        }
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            if (matched == end.length) return;
        }
    }
}
