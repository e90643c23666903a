#!/usr/bin/env bash
# Runs every test: manifest.xml against Microsoft's schemas, the .NET tests (xunit: unit and
# integration over loopback against the sandbox mailbox; the store tests on SQLite and on a real PostgreSQL 15 this
# script starts on loopback), the reliability drills in their short form
# (kill -9, fault storm, fuzz against the real worker process; full form: scripts/reliability.sh --full),
# the add-in's unit tests (vitest) and its browser test (Playwright in Debian's headless Chromium
# against the real worker + sandbox).
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
failed_steps=()

step() { echo; echo "== $1"; }

step "Tools (Debian packages, only when missing)"
scripts/ensure-tools.sh || { echo "could not install the test tools"; exit 1; }

step "Add-in: npm packages and production build"
scripts/build-addin.sh || failed_steps+=("add-in build")

step "manifest.xml against Microsoft's add-in manifest schemas"
if ../shared/scripts/validate-manifest manifest.xml; then
  echo "manifest.xml validates"
else
  failed_steps+=("manifest validation")
fi

step ".NET build"
dotnet build OfficeFollowUp.sln -c Debug -nologo -clp:ErrorsOnly || { echo ".NET build failed"; exit 1; }

step "PostgreSQL 15 on loopback for the store tests (scripts/postgres.sh: a temporary data directory, stopped by process id on exit)"
if pg_env=$(scripts/postgres.sh start); then
  eval "$pg_env"
  export OFU_POSTGRES
  echo "PostgreSQL is up (data directory $OFU_POSTGRES_DIR)"
else
  # The store tests would start one themselves and fail the same way; say why here once.
  failed_steps+=("PostgreSQL start")
fi

step "Redis on loopback for the team-mode cluster tests (scripts/redis.sh: a temporary directory, no persistence, stopped by process id on exit)"
if redis_env=$(scripts/redis.sh start); then
  eval "$redis_env"
  export OFU_REDIS
  echo "Redis is up at $OFU_REDIS"
else
  failed_steps+=("Redis start")
fi
stop_servers() {
  [ -n "${OFU_POSTGRES_DIR:-}" ] && scripts/postgres.sh stop "$OFU_POSTGRES_DIR"
  [ -n "${OFU_REDIS_DIR:-}" ] && scripts/redis.sh stop "$OFU_REDIS_DIR"
  return 0
}
trap stop_servers EXIT

# One test project per command: with one trx file name for the whole solution each project would overwrite the last.
# Every store test runs twice, on the SQLite file and on the PostgreSQL server above.
step ".NET tests (xunit)"
dotnet test tests/OfficeFollowUp.Tests -c Debug --no-build --nologo --logger "trx;LogFileName=dotnet.trx" --results-directory "$results" \
  || failed_steps+=(".NET tests")

step "Sandbox mailbox tests (xunit: Graph's shapes and behaviour, against Graph's CSDL)"
dotnet test tests/OfficeFollowUp.Sandbox.Tests -c Debug --no-build --nologo --logger "trx;LogFileName=sandbox.trx" --results-directory "$results" \
  || failed_steps+=("sandbox tests")

step "Reliability drills, short form (xunit: kill -9, fault storm, fuzz; the full form is scripts/reliability.sh --full)"
OFU_DRILLS=short OFU_DRILL_FIGURES="$results/reliability-figures.md" \
  dotnet test tests/OfficeFollowUp.Reliability -c Debug --no-build --nologo --logger "trx;LogFileName=reliability.trx" --results-directory "$results" \
  || failed_steps+=("reliability drills")
cat "$results/reliability-figures.md" 2>/dev/null

step "Add-in unit tests (vitest)"
(cd addin && npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest-unit.json") || failed_steps+=("add-in unit tests")

step "Add-in browser test (Playwright, headless Chromium, real worker + sandbox)"
(cd addin && npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile="$results/vitest-e2e.json") \
  || failed_steps+=("add-in browser test")

step "Summary"
node scripts/summarize-tests.mjs "$results"
summary_rc=$?
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "Failed steps: ${failed_steps[*]}"
  exit 1
fi
exit $summary_rc
