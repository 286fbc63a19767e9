#!/usr/bin/env bash
# Runs every test of the solution (model, grains, API + SignalR, browser) and the front-end type
# check and lint, and ends with the plain summary line "N passed, N failed". Exit code: 0 only when
# every test passed.
set -uo pipefail
cd "$(dirname "$0")"

bash scripts/prerequisites.sh || exit 1

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Build once (in parallel), then run the test projects one after another: they each host a real
# silo and the browser tests a real Chromium, which share 2 cores badly when run together.
dotnet build CityTwin.sln -nologo -v:q 2>&1 | tee "$log"
build=${PIPESTATUS[0]}
if [ "$build" -ne 0 ]; then
  echo "0 passed, 1 failed"
  exit "$build"
fi

# Front-end checks (the build has run npm ci): TypeScript on the JSDoc types, then ESLint. Each
# counts as one test in the summary.
client_passed=0
client_failed=0
for check in typecheck lint; do
  echo "npm run $check (web/CityTwin.Web)"
  if (cd web/CityTwin.Web && npm run --silent "$check"); then
    client_passed=$((client_passed + 1))
  else
    client_failed=$((client_failed + 1))
  fi
done

dotnet test CityTwin.sln --no-build -nologo -m:1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one "Passed!/Failed!  - Failed: F, Passed: P, ..." line per test assembly.
read -r passed failed < <(grep -E '^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log" \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+).*/\2 \1/' \
  | awk '{p+=$1; f+=$2} END {print p+0, f+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A crashed test host or a failed run without a summary still counts as a failure.
  failed=1
fi
passed=$((passed + client_passed))
failed=$((failed + client_failed))
if [ "$client_failed" -ne 0 ] && [ "$status" -eq 0 ]; then
  status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
