package io.realtimestreaming.stream.sink;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.retry.RetryVerdict;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
import com.datastax.oss.driver.api.core.session.Request;
import com.datastax.oss.driver.internal.core.retry.DefaultRetryPolicy;

/**
 * The driver's default policy, plus retrying a server-side write timeout on the same node. The
 * default retries only batch-log timeouts, but the job's upserts are idempotent (the driver only
 * asks this policy about idempotent statements), so writing again is always safe, and on a small
 * cluster "the same node" is often the only one there is.
 */
public final class WriteTimeoutRetryPolicy extends DefaultRetryPolicy {

  static final int MAX_WRITE_TIMEOUT_RETRIES = 3;

  public WriteTimeoutRetryPolicy(DriverContext context, String profileName) {
    super(context, profileName);
  }

  @Override
  public RetryVerdict onWriteTimeoutVerdict(
      Request request,
      ConsistencyLevel consistency,
      WriteType writeType,
      int blockFor,
      int received,
      int retryCount) {
    return retryCount < MAX_WRITE_TIMEOUT_RETRIES ? RetryVerdict.RETRY_SAME : RetryVerdict.RETHROW;
  }
}
