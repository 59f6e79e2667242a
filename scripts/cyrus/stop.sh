#!/usr/bin/env bash
# stop.sh [3.6|3.10|all] : stops the test servers started by start.sh (default
# all); only the processes recorded for each instance are signalled.
# CYRUS_PURGE=1 also deletes the instance data. See scripts/cyrus/README.md.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd -P)
case "${1:-all}" in
  3.6 | 3.10) "$here/cyrus-$1.sh" stop ;;
  all)
    status=0
    "$here/cyrus-3.6.sh" stop || status=1
    "$here/cyrus-3.10.sh" stop || status=1
    exit $status
    ;;
  *)
    echo "usage: $0 [3.6|3.10|all]" >&2
    exit 2
    ;;
esac
