#!/usr/bin/env bash
# cyrus-3.10.sh start|stop : Cyrus IMAP 3.10 from Debian trixie, run in a
# debootstrap chroot on the Debian 12 host, as a private loopback JMAP server.
# Use start.sh / stop.sh. Needs root (chroot, mount namespace).
#
# The instance data dir ($DIR) is bind-mounted into the chroot at the same
# path, so every path in the config and env file is valid inside and outside.
# The mounts (proc, $DIR, the syslog socket over /dev/log) are made in a
# private mount namespace (unshare -m): invisible on the host, and gone by
# themselves when the instance's last process exits.

VERSION_TAG=3.10
ENV_PREFIX=JMAP_CYRUS310
HTTP_PORT=${CYRUS310_HTTP_PORT:-18180}
IMAP_PORT=${CYRUS310_IMAP_PORT:-18143}
LMTP_PORT=${CYRUS310_LMTP_PORT:-18124}
SMTP_PORT=${CYRUS310_SMTP_PORT:-18125}
# With httptimeout 0 httpd never runs its push poll (prot_fill handles wait
# events only on streams with a read timeout) and EventSource stays silent.
# Cost of 60s: an idle keep-alive connection holds one httpd that long, hence
# the larger maxchild.
HTTP_IDLE=60s
HTTP_MAXCHILD=100
# - quota so that Quota/get has something to report;
# - scheduling on: creates the scheduling Inbox/Outbox, without which event
#   writes log errors and Calendar/set shareWith answers notFound; iMIP
#   invitations go to the SMTP sink;
# - defaultdomain: calendar addresses become user@localhost, not @internal.
EXTRA_IMAPD_CONF="
autocreate_quota: 1048576
caldav_allowscheduling: on
defaultdomain: localhost"
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

CHROOT=$(readlink -m "${CYRUS_CHROOT_DIR:-/var/cache/typed-jmap/cyrus-trixie-chroot}")
CYRBIN=/usr/lib/cyrus/bin # inside the chroot

# ------------------------------------------------------------------ launch
# "cyrus-3.10.sh __launch" runs inside the fresh private mount namespace.
if [ "${1:-}" = __launch ]; then
  # recorded first, so that a stop after a failed launch still finds the sinks
  readlink /proc/self/ns/mnt >"$RUN/mntns"
  mount -t proc -o nosuid,nodev,noexec proc "$CHROOT/proc"
  mount --bind "$DIR" "$CHROOT$DIR"
  in_chroot=(setsid chroot "$CHROOT" /usr/bin/setpriv --reuid=cyrus --regid=mail --init-groups /usr/bin/perl)
  "${in_chroot[@]}" "$DIR/bin/syslog-sink.pl" "$RUN/syslog.sock" "$LOGDIR/syslog.log" "$RUN/syslog.pid" \
    >>"$LOGDIR/sinks.log" 2>&1 </dev/null &
  "${in_chroot[@]}" "$DIR/bin/smtp-sink.pl" "$SMTP_PORT" "$DIR/smtp-sink" "$RUN/smtp-sink.pid" \
    >>"$LOGDIR/sinks.log" 2>&1 </dev/null &
  for _ in $(seq 1 200); do
    [ -e "$RUN/syslog.pid" ] && [ -e "$RUN/smtp-sink.pid" ] && break
    sleep 0.025
  done
  [ -e "$RUN/syslog.pid" ] && [ -e "$RUN/smtp-sink.pid" ] || {
    cat "$LOGDIR/sinks.log" >&2
    exit 1
  }
  # debootstrap's static /dev nodes suffice; only /dev/log is added.
  [ -e "$CHROOT/dev/log" ] || : >"$CHROOT/dev/log"
  mount --bind "$RUN/syslog.sock" "$CHROOT/dev/log"
  # master must start as root and drop to cyrus_user itself: started as cyrus
  # it logs "cannot set caps" for every service. -d forks into the
  # background; the namespace lives on with it.
  exec chroot "$CHROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 CYRUS_USER=cyrus \
    "$CYRBIN/master" -C "$ETC/imapd.conf" -M "$ETC/cyrus.conf" -p "$PIDFILE" -L "$LOGDIR/master.log" -d
fi

[ "$(id -u)" = 0 ] || die "must run as root (chroot, mount namespace)"
case "$DIR/" in "$CHROOT"/*) die "CYRUS_RUN_DIR must not be inside the chroot" ;; esac

in_chroot_root() { [ "$(readlink "/proc/$1/root" 2>/dev/null)" = "$CHROOT" ]; }
master_alive() {
  [ -s "$PIDFILE" ] || return 1
  local pid
  pid=$(cat "$PIDFILE")
  in_chroot_root "$pid" && cmdline_has "$pid" "$ETC/cyrus.conf"
}
# Processes in mount namespace $1 that run in our chroot and see this
# instance's DIR mounted: a namespace id reused later never matches others.
in_namespace() {
  local f p
  for f in /proc/[0-9]*/ns/mnt; do
    [ "$(readlink "$f" 2>/dev/null)" = "$1" ] || continue
    p=${f#/proc/}
    p=${p%/ns/mnt}
    alive "$p" && in_chroot_root "$p" &&
      awk -v d="$DIR" '$5 == d { f = 1 } END { exit !f }' "/proc/$p/mountinfo" 2>/dev/null && echo "$p"
  done
  return 0
}

stop_instance() {
  local ns pid rest
  ns=$(cat "$RUN/mntns" 2>/dev/null || true)
  if master_alive; then
    pid=$(cat "$PIDFILE")
    term_wait 10 "$pid"
    log "stopped master (pid $pid)"
  fi
  # Everything else in the namespace (services that outlive master, the two
  # sinks) was started by this instance; with it go the namespace's mounts.
  if [ -n "$ns" ] && [ "$ns" != "$(readlink /proc/self/ns/mnt)" ]; then
    rest=$(in_namespace "$ns")
    if [ -n "$rest" ]; then
      log "stopping what is left in the namespace: $(echo $rest)"
      # shellcheck disable=SC2086
      term_wait 3 $rest
    fi
  fi
  rm -f "$PIDFILE" "$RUN/mntns" "$RUN/smtp-sink.pid" "$RUN/syslog.pid"
}

start_instance() {
  [ -s "$CHROOT/.ready" ] || CYRUS_CHROOT_DIR=$CHROOT "$CYRUS_SCRIPTS/build-trixie-chroot.sh" ||
    die "building the chroot failed"
  if master_alive; then
    [ "${CYRUS_FRESH:-0}" = 1 ] && die "running in $DIR; stop it before CYRUS_FRESH=1"
    jmap_ready || die "master (pid $(cat "$PIDFILE")) runs but JMAP does not answer at $SESSION_URL"
    log "already running (pid $(cat "$PIDFILE"))"
    return 0
  fi
  # a master that died leaves services and sinks holding the ports
  [ -s "$RUN/mntns" ] && {
    log "cleaning up after a run that was not stopped"
    stop_instance
  }
  check_ports_free
  local uid gid
  uid=$(awk -F: '$1=="cyrus"{print $3}' "$CHROOT/etc/passwd")
  gid=$(awk -F: '$1=="mail"{print $3}' "$CHROOT/etc/group")
  [ -n "$uid" ] && [ -n "$gid" ] || die "no cyrus user or mail group in $CHROOT"
  [ "${CYRUS_FRESH:-0}" = 1 ] && wipe_instance
  mkdir -p "$DIR"
  write_config cyrus
  # the chroot's saslpasswd2: same libsasl/libdb as the server that reads it
  local tmp=/tmp/sasldb2.$$
  rm -f "$CHROOT$tmp"
  write_sasldb "$tmp" chroot "$CHROOT" /usr/sbin/saslpasswd2
  mv "$CHROOT$tmp" "$ETC/sasldb2"
  rm -f "$PIDFILE" "$RUN"/socket/* "$RUN/syslog.sock" "$RUN"/*.pid
  chown -R "$uid:$gid" "$DIR"
  chmod 700 "$DIR"
  mkdir -p "$CHROOT$DIR" # mount point of the bind mount

  deadline=$((SECONDS + TIMEOUT))
  STARTED=1
  log "starting master (http $HOST:$HTTP_PORT, imap $IMAP_PORT, lmtp $LMTP_PORT, smtp sink $SMTP_PORT) in $CHROOT, data $DIR"
  CYRUS_RUN_DIR=$RUN_BASE CYRUS_CHROOT_DIR=$CHROOT \
    unshare --mount --propagation private -- "$CYRUS_SCRIPTS/cyrus-3.10.sh" __launch 9>&- ||
    die "launch failed"
  wait_for "master pid file" master_alive
  wait_for "IMAP port" port_busy "$IMAP_PORT"
  wait_for "HTTP port" port_busy "$HTTP_PORT"
  provision_users
  wait_for "JMAP session" jmap_ready
  local pkg suite
  pkg=$(sed -n 's/^cyrus-common=//p' "$CHROOT/.ready")
  suite=$(sed -n 's/^suite=//p' "$CHROOT/.ready")
  write_env_file "$(upstream_version "$pkg")" "cyrus-imapd $pkg (Debian $suite)"
  log "ready: Cyrus $pkg, master pid $(cat "$PIDFILE"), env $ENV_FILE"
}

lock_instance
case "${1:-}" in
  start) start_instance && echo "$SESSION_URL" ;;
  stop)
    stop_instance
    [ "${CYRUS_PURGE:-0}" = 1 ] && rm -rf "$DIR" && rmdir "$CHROOT$DIR" 2>/dev/null && log "removed $DIR"
    exit 0
    ;;
  *) die "usage: $0 start|stop" ;;
esac
