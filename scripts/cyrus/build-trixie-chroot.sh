#!/usr/bin/env bash
# build-trixie-chroot.sh : builds the Debian trixie chroot that cyrus-3.10.sh
# runs Cyrus 3.10 in (debootstrap minbase + the Cyrus packages, ~300 MB).
# Needs root on a Debian host with a Debian mirror reachable; installs
# debootstrap on the host when missing. Called by cyrus-3.10.sh when the
# chroot has no .ready marker; run it directly to rebuild.
#
#   CYRUS_CHROOT_DIR  where (default /var/cache/typed-jmap/cyrus-trixie-chroot)
#   CYRUS_MIRROR      Debian mirror (default http://deb.debian.org/debian)
set -euo pipefail

CHROOT=$(readlink -m "${CYRUS_CHROOT_DIR:-/var/cache/typed-jmap/cyrus-trixie-chroot}")
MIRROR=${CYRUS_MIRROR:-http://deb.debian.org/debian}
SUITE=trixie
# msmtp-mta: cyrus-common needs an MTA; this is the smallest one without a daemon.
PKGS=(cyrus-imapd cyrus-caldav cyrus-admin sasl2-bin msmtp-mta)
BUILD=$CHROOT.build-$$
BUILD_LOG=$CHROOT.build.log

log() { printf '[cyrus-3.10 chroot] %s\n' "$*" >&2; }
fail() {
  tail -n 20 "$BUILD_LOG" >&2 || true
  rm -rf "$BUILD"
  log "ERROR: $* (log: $BUILD_LOG)"
  exit 1
}
[ "$(id -u)" = 0 ] || {
  log "ERROR: must run as root"
  exit 1
}

if ! command -v debootstrap >/dev/null; then
  log "installing debootstrap on the host"
  apt=(env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300)
  "${apt[@]}" install -y --no-install-recommends debootstrap >&2 ||
    { "${apt[@]}" update >&2 && "${apt[@]}" install -y --no-install-recommends debootstrap >&2; } ||
    {
      log "ERROR: cannot install debootstrap"
      exit 1
    }
fi

started=$SECONDS
mkdir -p "$(dirname "$CHROOT")"
rm -rf "$BUILD"
log "building $SUITE chroot in $CHROOT (${PKGS[*]})"
debootstrap --variant=minbase "$SUITE" "$BUILD" "$MIRROR" >"$BUILD_LOG" 2>&1 || fail "debootstrap failed"
# Nothing may start a service inside the chroot while packages install.
printf '#!/bin/sh\nexit 101\n' >"$BUILD/usr/sbin/policy-rc.d"
chmod 755 "$BUILD/usr/sbin/policy-rc.d"
# apt needs /proc: mounted in a throw-away mount namespace, gone when it exits.
unshare --mount --propagation private -- sh -c '
    root=$1; shift
    mount -t proc -o nosuid,nodev,noexec proc "$root/proc" &&
    chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q --no-install-recommends "$@" &&
    chroot "$root" apt-get clean' _ "$BUILD" "${PKGS[@]}" >>"$BUILD_LOG" 2>&1 ||
  fail "installing the packages in the chroot failed"
rm -rf "$BUILD"/var/lib/apt/lists/* "$BUILD"/var/cache/apt/*.bin
# .ready is what cyrus-3.10.sh checks; the rename makes a half-built chroot
# impossible to use.
{
  chroot "$BUILD" dpkg-query -W -f='${Package}=${Version}\n' cyrus-common "${PKGS[@]}"
  echo "suite=$SUITE"
} >"$BUILD/.ready"
rm -rf "$CHROOT"
mv "$BUILD" "$CHROOT"
log "ready in $((SECONDS - started)) s ($(du -sh "$CHROOT" | cut -f1)): $(grep '^cyrus-common=' "$CHROOT/.ready")"
