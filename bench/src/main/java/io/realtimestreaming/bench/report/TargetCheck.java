package io.realtimestreaming.bench.report;

/**
 * One of the targets against what a run measured.
 *
 * @param target the target as stated, e.g. "stream ≥ 0.9× best raw Cassandra"
 * @param measured what the run achieved, with the figures it rests on
 */
public record TargetCheck(String target, String measured, Verdict verdict) {}
