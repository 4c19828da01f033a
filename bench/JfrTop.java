import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the CPU went in a JFR recording: the hottest methods by own time and by inclusive time, and the
 * share of samples per thread group (request threads, Lucene merges, GC helpers...). JDK only:
 *
 * <pre>
 * java bench/JfrTop.java server.jfr [--top 30] [--filter verbatim.,org.apache.lucene.]
 * </pre>
 */
public class JfrTop {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: JfrTop FILE.jfr [--top N] [--filter prefix,prefix]");
            System.exit(2);
        }
        int top = 30;
        List<String> filter = List.of("verbatim.", "org.apache.lucene.", "com.fasterxml.", "io.javalin.", "org.eclipse.jetty.");
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--top" -> top = Integer.parseInt(args[++i]);
                case "--filter" -> filter = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Map<String, Integer> self = new HashMap<>(), inclusive = new HashMap<>(), threads = new HashMap<>();
        int n = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) continue;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) continue;
            n++;
            String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", "").replaceAll("\\d+", "N"), 1, Integer::sum);
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String m = name(f);
                if (seen.add(m)) inclusive.merge(m, 1, Integer::sum);
            }
        }
        System.out.println(n + " execution samples");
        print("threads", threads, n, 15, List.of(""));
        print("self time", self, n, top, List.of(""));
        print("inclusive time (" + String.join(" ", filter) + ")", inclusive, n, top, filter);
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int n, int top, List<String> prefixes) {
        System.out.println("--- " + title);
        counts.entrySet().stream()
                .filter(e -> prefixes.stream().anyMatch(p -> e.getKey().startsWith(p)))
                .sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
                .forEach(e -> System.out.printf("%5.1f%%  %s%n", 100.0 * e.getValue() / n, e.getKey()));
    }
}
