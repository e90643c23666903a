#!/usr/bin/env bash
# Runs the worker. With no tenant configured it starts the built-in sandbox mailbox, syncs it,
# prepares thank-you drafts for the new contacts the sandbox's sample script adds, and serves the
# task pane. Extra arguments go to the worker, e.g. ./run.sh --Mailbox:TenantId=... --Mailbox:ClientId=...
set -euo pipefail
cd "$(dirname "$0")"
scripts/build-addin.sh
# Kestrel serves the pane over HTTPS with the .NET development certificate; make sure one exists.
dotnet dev-certs https >/dev/null 2>&1 || true
dotnet build worker/OfficeFollowUp.Worker/OfficeFollowUp.Worker.csproj -nologo -v quiet -clp:ErrorsOnly
exec dotnet run --no-build --project worker/OfficeFollowUp.Worker/OfficeFollowUp.Worker.csproj -- "$@"
