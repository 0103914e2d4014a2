package io.realtimestreaming.bench.profile;

import java.util.List;

/**
 * Where a service spent its CPU during a phase, from JFR's execution samples.
 *
 * @param service e.g. "ingest-service"
 * @param phase what it was doing meanwhile
 * @param samples execution samples in all
 * @param threads samples per thread (numbers in names folded), most first
 * @param selfTime samples per method at the top of the stack, most first
 * @param ownCode samples per io.realtimestreaming method anywhere on the stack, most first
 * @param recording the .jfr file, to open in JDK Mission Control for more
 */
public record HotMethods(
    String service,
    String phase,
    long samples,
    List<Share> threads,
    List<Share> selfTime,
    List<Share> ownCode,
    String recording) {

  /** A name and how many of the samples it had. */
  public record Share(String name, long samples) {}
}
