#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver (if missing) for the admin console's browser tests
# (src/test/java/dev/mailroom/console/ConsoleBrowserTest.java, which skips itself without them). Needs root and apt.
# Everything goes to stderr, so a caller may capture or eval stdout around it safely.
set -euo pipefail
exec 1>&2

packages="chromium chromium-driver"
missing=""
for p in $packages; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
[ -z "$missing" ] && exit 0

log() { echo "[browser-up] $*" >&2; }
[ "$(id -u)" = 0 ] || { log "needs root to install$missing (apt-get install -y$missing)"; exit 1; }
export DEBIAN_FRONTEND=noninteractive
started=$(date +%s)
log "installing$missing"
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ]; then
  apt-get update -qq
fi
# shellcheck disable=SC2086
if ! apt-get install -y -qq $missing >/dev/null; then
  log "install failed; updating the package lists and trying again"
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq $missing >/dev/null
fi
log "installed in $(( $(date +%s) - started )) s: $(chromium --version 2>/dev/null)"
