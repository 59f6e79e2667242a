#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (headless, driven by
# playwright-core with executablePath /usr/bin/chromium). A no-op when it is
# already there, so CI and developers can call it every run.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  chromium --version
  exit 0
fi
sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
sudo_if_needed apt-get update -qq
sudo_if_needed apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
chromium --version
