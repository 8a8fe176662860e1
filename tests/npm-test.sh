#!/bin/sh
# `npm test`: the build, then every test project (vitest run, with any arguments given to npm
# test), while the typecheck runs beside them (incremental: .cache/tsc.tsbuildinfo). The typecheck
# needs no build and the tests need no typecheck, so neither waits for the other; its output is
# printed at the end, and the run fails if it failed (docs/decisions/046).
mkdir -p .cache
tsc --noEmit --incremental --tsBuildInfoFile .cache/tsc.tsbuildinfo > .cache/tsc.log 2>&1 &
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
