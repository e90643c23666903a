#!/usr/bin/env bash
# Installs the add-in's npm packages (from the lock file) when needed and builds addin/dist.
set -euo pipefail
cd "$(dirname "$0")/../addin"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build
