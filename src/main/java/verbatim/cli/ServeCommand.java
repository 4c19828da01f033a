package verbatim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import verbatim.http.ApiServer;
import verbatim.index.LuceneArticleIndex;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve search over HTTP. When the index is empty, the corpus is indexed first.", ""})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    CorpusOptions options;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:VERBATIM_PORT:-7070}",
            description = "TCP port to listen on (default: ${DEFAULT-VALUE}; env VERBATIM_PORT; 0 picks a free one).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        LuceneArticleIndex index;
        try {
            index = LuceneArticleIndex.open(options.index);
            if (index.count() == 0) {
                System.out.println("The index at " + options.index + " is empty: indexing " + options.corpus + " first.");
                IndexCommand.run(index, options, false);
            }
        } catch (IOException e) {
            System.err.println("verbatim serve: " + e.getMessage());
            return 1;
        }
        ApiServer server;
        try {
            server = ApiServer.start(index, port);
        } catch (RuntimeException e) {
            System.err.println("verbatim serve: cannot listen on port " + port + ": " + e.getMessage());
            closeQuietly(index);
            return 1;
        }
        System.out.printf("Verbatim is serving %,d articles on http://localhost:%d/ (Ctrl+C stops it)%n", countOf(index), server.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            closeQuietly(index);
            stopped.countDown();
        }, "verbatim-shutdown"));
        stopped.await();
        return 0;
    }

    private static int countOf(LuceneArticleIndex index) {
        try {
            return index.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void closeQuietly(LuceneArticleIndex index) {
        try {
            index.close();
        } catch (IOException ignored) {
            // shutting down
        }
    }
}
