package io.realtimestreaming.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/** Reads a JFR recording's execution samples into {@link HotMethods}: counted, not guessed. */
final class JfrSummary {

  static final int TOP = 6;
  private static final String OWN_CODE = "io.realtimestreaming.";

  private JfrSummary() {}

  static HotMethods read(Path recording, String service, String phase) throws IOException {
    Map<String, Long> threads = new HashMap<>();
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> own = new HashMap<>();
    long samples = 0;
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")
            || event.getStackTrace() == null) {
          continue;
        }
        samples++;
        threads.merge(threadName(event), 1L, Long::sum);
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        if (!frames.isEmpty()) {
          self.merge(name(frames.get(0).getMethod()), 1L, Long::sum);
        }
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
          String method = name(frame.getMethod());
          if (method.startsWith(OWN_CODE) && seen.add(method)) {
            own.merge(method, 1L, Long::sum);
          }
        }
      }
    }
    return new HotMethods(
        service, phase, samples, top(threads), top(self), top(own), recording.toString());
  }

  /** Thread names with their numbers folded, so a pool's threads add up: "ingestion-#". */
  static String foldNumbers(String threadName) {
    return threadName.replaceAll("\\d+(\\.\\d+)?", "#");
  }

  private static String threadName(RecordedEvent event) {
    var thread = event.getThread("sampledThread");
    return thread == null || thread.getJavaName() == null ? "?" : foldNumbers(thread.getJavaName());
  }

  private static String name(RecordedMethod method) {
    if (method == null) {
      return "?";
    }
    String type = method.getType() == null ? "?" : method.getType().getName();
    return type + "." + method.getName();
  }

  private static List<HotMethods.Share> top(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(TOP)
        .map(e -> new HotMethods.Share(e.getKey(), e.getValue()))
        .toList();
  }
}
