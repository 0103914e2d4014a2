package io.realtimestreaming.ingest.run;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many runs the service takes on ({@code ingest.runs.*}).
 *
 * @param concurrency runs executing at once
 * @param queueCapacity runs accepted and waiting; beyond it a new run is refused with 503
 */
@ConfigurationProperties("ingest.runs")
public record RunProperties(@DefaultValue("2") int concurrency, @DefaultValue("8") int queueCapacity) {}
