#!/usr/bin/env bash
# The reliability drills (tests/OfficeFollowUp.Reliability): kill -9, fault storm and fuzz against the real
# worker process and the sandbox mailbox. The short form is what ./test.sh runs in CI; --full is the full form.
# Ends with the figures table (also in artifacts/reliability/figures.md).
#
#   scripts/reliability.sh [--full] [--drill kill|storm|fuzz] [--seed N]
#
# Sizes can be set one by one: OFU_DRILL_KILLS, OFU_DRILL_STORM_PEOPLE, OFU_DRILL_FUZZ_CONTACTS, OFU_DRILL_FUZZ_EVENTS.
# OFU_DRILL_KEEP=1 keeps each drill's data folder (the worker's SQLite file) under $TMPDIR/ofu-drills for a post-mortem.
set -uo pipefail
cd "$(dirname "$0")/.."

form=short
filter="FullyQualifiedName~OfficeFollowUp.Reliability"
while [ $# -gt 0 ]; do
  case "$1" in
    --full) form=full ;;
    --short) form=short ;;
    --seed) export OFU_DRILL_SEED="$2"; shift ;;
    --drill)
      case "$2" in
        kill) filter="FullyQualifiedName~KillDrill" ;;
        storm) filter="FullyQualifiedName~FaultStormDrill" ;;
        fuzz) filter="FullyQualifiedName~FuzzDrill" ;;
        *) echo "unknown drill '$2' (kill, storm or fuzz)"; exit 2 ;;
      esac
      shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown argument '$1' (see --help)"; exit 2 ;;
  esac
  shift
done

out="$(pwd)/artifacts/reliability"
mkdir -p "$out"
rm -f "$out/figures.md" "$out/figures.details.txt"
export OFU_DRILLS="$form" OFU_DRILL_FIGURES="$out/figures.md"

dotnet build tests/OfficeFollowUp.Reliability -c Debug -nologo -clp:ErrorsOnly || { echo "build failed"; exit 1; }
dotnet test tests/OfficeFollowUp.Reliability -c Debug --no-build --nologo --filter "$filter" \
  --logger "trx;LogFileName=reliability-$form.trx" --results-directory "$out"
rc=$?

echo
echo "Reliability drills, $form form:"
cat "$out/figures.md" 2>/dev/null || echo "(no figures: the drills did not get as far as counting)"
echo
cat "$out/figures.details.txt" 2>/dev/null
exit $rc
