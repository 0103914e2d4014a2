package io.realtimestreaming.ingest.reconcile;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the stream job's per-run ledger lives ({@code ingest.ledger.*}): the Cassandra table that
 * says, per run, which events landed and which were dead-lettered.
 *
 * @param contactPoints {@code host:port} of one or more Cassandra nodes
 * @param localDatacenter the driver's local data center
 * @param keyspace the stream job's keyspace
 * @param table the ledger table (cassandra/schema.cql)
 * @param consistency read consistency, e.g. {@code LOCAL_QUORUM}
 * @param requestTimeout how long a read may take before the run view says the ledger is unavailable
 */
@ConfigurationProperties("ingest.ledger")
public record LedgerProperties(
    @DefaultValue("127.0.0.1:9042") List<String> contactPoints,
    @DefaultValue("datacenter1") String localDatacenter,
    @DefaultValue("spark_streams") String keyspace,
    @DefaultValue("run_outcomes") String table,
    @DefaultValue("LOCAL_QUORUM") String consistency,
    @DefaultValue("3s") Duration requestTimeout) {}
