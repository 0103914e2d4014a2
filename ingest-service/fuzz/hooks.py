"""Schemathesis hooks for fuzz-api.sh (loaded through SCHEMATHESIS_HOOKS=hooks).

A POST that the service accepts is a real ingestion run: the fuzzer's valid counts go up to
100,000 users each, and a few minutes of fuzzing would ingest millions of users into the stack
it runs against. So a valid count above 100 (10000 or 10000.0) is folded into 1..100 before the
request is sent:
still valid, so no test case changes class (an invalid request stays invalid for the reason it
was generated with). The count's bounds themselves are tested by IngestionControllerTests.
"""

import schemathesis

MAX_FUZZED_COUNT = 100


@schemathesis.hook
def before_call(context, case, kwargs):
    body = case.body
    if isinstance(body, dict):
        count = body.get("count")
        # type(...): a JSON true is a bool, which Python also counts as an int; 1338.0 is a
        # float, and the same integer to JSON Schema and to the service
        if type(count) is float and count.is_integer():
            count = int(count)
        if type(count) is int and MAX_FUZZED_COUNT < count <= 100_000:
            body["count"] = 1 + count % MAX_FUZZED_COUNT
