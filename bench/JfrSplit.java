import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a JFR recording's execution samples into named parts, per thread group: each sample goes to the first part
 * (in the order given) one of whose methods is on its stack, else to "other". Method names are {@code Class.method}
 * prefixes. JDK only:
 *
 * <pre>
 * java bench/JfrSplit.java x.jfr extract=verbatim.analysis.MentionExtractor.run lucene=org.apache.lucene.index.IndexWriter.updateDocuments
 * </pre>
 */
public class JfrSplit {

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            parts.computeIfAbsent(kv[0], k -> new ArrayList<>()).addAll(List.of(kv[1].split(",")));
        }
        Map<String, Map<String, Integer>> byThread = new LinkedHashMap<>();
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) continue;
            String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            thread = thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", "").replaceAll("\\d+", "N").strip();
            String part = "other";
            search:
            for (var p : parts.entrySet()) {
                for (RecordedFrame f : e.getStackTrace().getFrames()) {
                    String m = f.getMethod().getType().getName() + "." + f.getMethod().getName();
                    for (String prefix : p.getValue()) {
                        if (m.startsWith(prefix)) {
                            part = p.getKey();
                            break search;
                        }
                    }
                }
            }
            byThread.computeIfAbsent(thread, t -> new LinkedHashMap<>()).merge(part, 1, Integer::sum);
            totals.merge(thread, 1, Integer::sum);
        }
        for (var t : byThread.entrySet()) {
            int n = totals.get(t.getKey());
            System.out.printf("%s: %d samples%n", t.getKey(), n);
            t.getValue().entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                    .forEach(p -> System.out.printf("  %5.1f%%  %6d  %s%n", 100.0 * p.getValue() / n, p.getValue(), p.getKey()));
        }
    }
}
