#!/usr/bin/env bash
# Entry of the pre-commit hook (.pre-commit-hooks.yaml, language: script): pre-commit runs it from its own clone of
# this repository with the staged pipeline files as arguments. The first run builds the CLI bundle in that clone
# (`npm ci`, then esbuild: about a minute), later runs start at once. Needs Node 20.19+ and npm on the PATH.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="$root/dist/cli.js"
if [ ! -f "$cli" ]; then
  echo "pipeline-lens: building the CLI in $root (once)" >&2
  (
    cd "$root"
    # A global npm setting inherited from the caller would install the dependencies somewhere else.
    unset npm_config_global NPM_CONFIG_GLOBAL
    [ -d node_modules ] || npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2
    node build/esbuild.mjs --production >&2
  )
fi
exec node "$cli" check "$@"
