#!/usr/bin/env bash
# Installs what the tests need from Debian's packages, only when it is missing:
# chromium (the add-in's browser test), xmllint (manifest.xml against Microsoft's XSDs) and PostgreSQL 15 (the store
# tests' second provider; scripts/postgres.sh runs it, the package's own cluster is never started) and redis-server
# (team mode's Orleans membership and reminders; scripts/redis.sh runs it, the package's own service is never used).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
[ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql-15)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing Debian packages: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
