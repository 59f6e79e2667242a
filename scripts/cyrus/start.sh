#!/usr/bin/env bash
# start.sh [3.6|3.10|all] : starts the loopback Cyrus JMAP test servers (default
# all), or reuses those already running. Prints one session URL per server;
# the variables for the integration tests are in
# ${CYRUS_RUN_DIR:-/tmp/typed-jmap-cyrus}/<version>/server.env.
# See scripts/cyrus/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd -P)
case "${1:-all}" in
  3.6 | 3.10) "$here/cyrus-$1.sh" start ;;
  all) "$here/cyrus-3.6.sh" start && "$here/cyrus-3.10.sh" start ;;
  *)
    echo "usage: $0 [3.6|3.10|all]" >&2
    exit 2
    ;;
esac
