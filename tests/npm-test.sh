#!/bin/sh
# `npm test`: the build, then every test project (vitest run, with any arguments given to npm
# test), while the typecheck runs beside them (incremental: .cache/tsc.tsbuildinfo). The typecheck
# needs no build and the tests need no typecheck, so neither waits for the other; its output is
# printed at the end, and the run fails if it failed (docs/decisions/046).
mkdir -p .cache
# At a lower priority (nice): on the 2 cores it takes the time the tests leave idle (an end-to-end
# file waits on its browser and server) instead of slowing the build and the time-budgeted tests.
nice -n 10 tsc --noEmit --incremental --tsBuildInfoFile .cache/tsc.tsbuildinfo > .cache/tsc.log 2>&1 &
typecheck=$!
remix build && vitest run "$@"
status=$?
if wait "$typecheck"; then
  echo "Typecheck: no error."
else
  cat .cache/tsc.log
  echo "Typecheck: failed (above)."
  status=1
fi
exit $status
