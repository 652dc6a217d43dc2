"""One line per check, every failure reported (the run goes on), and a closing summary:
shared by the SDK conformance scripts."""

import sys

results = []


def check(name):
    def decorator(function):
        try:
            function()
            results.append((name, None))
            print(f"ok    {name}")
        except Exception as error:  # report every failure, keep going
            results.append((name, error))
            print(f"FAIL  {name}: {error!r}")
        return function
    return decorator


def finish(label):
    """Prints "LABEL: N passed, N failed" and exits non-zero when a check failed."""
    failed = [name for name, error in results if error is not None]
    print(f"{label}: {len(results) - len(failed)} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)
