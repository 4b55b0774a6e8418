#!/usr/bin/env bash
# Installs (from Debian packages, if missing), configures and starts the real servers the acceptance suite runs
# against, on 127.0.0.1 only and without systemd:
#
#   Dovecot   IMAP 143 (STARTTLS offered), IMAPS 993, POP3 110 (STLS offered), POP3S 995, LMTP 24 (for Postfix)
#   Postfix   SMTP 25 (local delivery, STARTTLS offered), submission 587 (STARTTLS + AUTH required), SMTPS 465;
#             AUTH through Dovecot SASL; mail to @example.test lands in the users' Dovecot Maildirs, mail to any
#             other domain is discarded, so nothing leaves the machine
#   PostgreSQL its own cluster "mailroom" on port 54329, user mailroom/mailroom with CREATEDB, database mailroom
#             (skipped with --no-postgres)
#
# Users (domain example.test): helpdesk/helpdeskpass, alice/alicepass, bob/bobpass.
# TLS: a self-signed certificate for localhost / 127.0.0.1, generated on the first run.
#
# Idempotent: running it again rewrites the configuration and reloads what is already running. Needs root and apt.
# State (certificate, configuration, mail, logs) lives in $MAILROOM_ACCEPTANCE_STATE (default /tmp/mailroom-acceptance);
# $STATE/acceptance.properties describes it for the tests. The last lines on stdout are the exports the tests need:
#
#   eval "$(scripts/acceptance/mailservers-up.sh)" && ./mvnw test
set -euo pipefail
# stdout carries only the exports; everything else (the tools' own chatter, such as pg_ctlcluster's
# "Removed stale pid file.") goes to stderr, so a caller's eval never runs it. The servers are started with fd 3
# closed: a daemon holding the caller's pipe would keep "$(mailservers-up.sh)" waiting for ever.
exec 3>&1 1>&2

STATE=${MAILROOM_ACCEPTANCE_STATE:-/tmp/mailroom-acceptance}
DOMAIN=example.test
USERS="helpdesk:helpdeskpass alice:alicepass bob:bobpass"
PG_PORT=${MAILROOM_ACCEPTANCE_PG_PORT:-54329}
WITH_POSTGRES=1
[ "${1:-}" = "--no-postgres" ] && WITH_POSTGRES=0
export DEBIAN_FRONTEND=noninteractive
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

log() { echo "[mailservers-up] $*" >&2; }
[ "$(id -u)" = 0 ] || { log "needs root (it installs Debian packages and starts servers on ports below 1024)"; exit 1; }
started=$(date +%s)

# ------------------------------------------------------------------------------------------------ packages
packages="dovecot-core dovecot-imapd dovecot-pop3d dovecot-lmtpd postfix openssl ca-certificates"
[ "$WITH_POSTGRES" = 1 ] && packages="$packages postgresql"
missing=""
for p in $packages; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  log "installing$missing"
  echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
  echo "postfix postfix/mailname string mail.$DOMAIN" | debconf-set-selections
  # keep the packages' scripts from starting default instances listening on every address
  made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; made_policy=1
  fi
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ]; then
    apt-get update -qq
  fi
  # shellcheck disable=SC2086
  if ! apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
    log "install failed; updating the package lists and trying again"
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
  [ "$made_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
  log "installed in $(( $(date +%s) - started )) s"
fi

# ------------------------------------------------------------------------------------------------ mail users, TLS
id vmail >/dev/null 2>&1 || useradd --system --user-group --home-dir /nonexistent --no-create-home \
  --shell /usr/sbin/nologin vmail
VUID=$(id -u vmail); VGID=$(id -g vmail)

mkdir -p "$STATE"/{dovecot/state,tls,log,run/dovecot,postfix,mail}
chmod 755 "$STATE" "$STATE"/{dovecot,tls,log,run,postfix}
chown vmail:vmail "$STATE/mail"; chmod 750 "$STATE/mail"

if [ ! -s "$STATE/tls/cert.pem" ] || [ ! -s "$STATE/tls/key.pem" ]; then
  log "generating a self-signed certificate"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,DNS:mail.$DOMAIN,IP:127.0.0.1" \
    -keyout "$STATE/tls/key.pem" -out "$STATE/tls/cert.pem" 2>/dev/null
  chmod 600 "$STATE/tls/key.pem"; chmod 644 "$STATE/tls/cert.pem"
fi

: > "$STATE/dovecot/users.new"; : > "$STATE/postfix/vmailbox.new"
for up in $USERS; do
  u=${up%%:*}; pw=${up#*:}
  echo "$u:{PLAIN}$pw:::::" >> "$STATE/dovecot/users.new"
  echo "$u@$DOMAIN OK" >> "$STATE/postfix/vmailbox.new"
  install -d -o vmail -g vmail -m 700 "$STATE/mail/$u"
done
mv "$STATE/dovecot/users.new" "$STATE/dovecot/users"; chmod 640 "$STATE/dovecot/users"; chown root:dovecot "$STATE/dovecot/users"
mv "$STATE/postfix/vmailbox.new" "$STATE/postfix/vmailbox"

# ------------------------------------------------------------------------------------------------ Dovecot
DH_LINE=""; [ -s /usr/share/dovecot/dh.pem ] && DH_LINE="ssl_dh = </usr/share/dovecot/dh.pem"
cat > "$STATE/dovecot/dovecot.conf" <<CONF
# written by scripts/acceptance/mailservers-up.sh: a loopback-only instance for Mailroom's acceptance tests
instance_name = mailroom-acceptance
base_dir = $STATE/run/dovecot
state_dir = $STATE/dovecot/state
protocols = imap pop3 lmtp
listen = 127.0.0.1
log_path = $STATE/log/dovecot.log
info_log_path = $STATE/log/dovecot-info.log
mail_plugins =

# plain-text login is allowed on loopback, so security NONE can be tested too
disable_plaintext_auth = no
auth_mechanisms = plain login
# every test connects from 127.0.0.1: without this, each wrong-password test slows all later logins (anvil penalty)
login_trusted_networks = 127.0.0.0/8
ssl = yes
ssl_cert = <$STATE/tls/cert.pem
ssl_key = <$STATE/tls/key.pem
ssl_min_protocol = TLSv1.2
$DH_LINE

first_valid_uid = $VUID
last_valid_uid = $VUID
mail_uid = $VUID
mail_gid = $VGID
mail_location = maildir:$STATE/mail/%n/Maildir
mail_fsync = optimized
pop3_uidl_format = %08Xu%08Xv
mail_max_userip_connections = 100
shutdown_clients = yes

passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n $STATE/dovecot/users
}
userdb {
  driver = static
  args = uid=$VUID gid=$VGID home=$STATE/mail/%n
}
namespace inbox {
  inbox = yes
  separator = /
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = 143
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = 993
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = 110
  }
  inet_listener pop3s {
    address = 127.0.0.1
    port = 995
    ssl = yes
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = 24
  }
}
protocol lmtp {
  postmaster_address = postmaster@$DOMAIN
}
service auth {
  inet_listener sasl {
    address = 127.0.0.1
    port = 12345
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0600
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
CONF

DOVECOT_PID="$STATE/run/dovecot/master.pid"
dovecot_running() { [ -s "$DOVECOT_PID" ] && kill -0 "$(cat "$DOVECOT_PID")" 2>/dev/null; }
if dovecot_running; then
  log "dovecot already running (pid $(cat "$DOVECOT_PID")); reloading its configuration"
  doveadm -c "$STATE/dovecot/dovecot.conf" reload </dev/null >>"$STATE/log/start.log" 2>&1 3>&-
else
  log "starting dovecot"
  dovecot -c "$STATE/dovecot/dovecot.conf" </dev/null >>"$STATE/log/start.log" 2>&1 3>&-
fi

# ------------------------------------------------------------------------------------------------ Postfix
postconf -e \
  "compatibility_level = 3.6" \
  "myhostname = mail.$DOMAIN" \
  "mydomain = $DOMAIN" \
  "myorigin = \$mydomain" \
  "mydestination = localhost" \
  "inet_interfaces = 127.0.0.1" \
  "inet_protocols = ipv4" \
  "mynetworks = 127.0.0.0/8" \
  "relayhost =" \
  "smtp_host_lookup = native" \
  "smtpd_peername_lookup = no" \
  "virtual_mailbox_domains = $DOMAIN" \
  "virtual_mailbox_maps = texthash:$STATE/postfix/vmailbox" \
  "virtual_transport = lmtp:inet:127.0.0.1:24" \
  "default_transport = discard:outbound mail disabled on this test host" \
  "relay_transport = discard:outbound mail disabled on this test host" \
  "local_recipient_maps =" \
  "smtpd_tls_cert_file = $STATE/tls/cert.pem" \
  "smtpd_tls_key_file = $STATE/tls/key.pem" \
  "smtpd_tls_security_level = may" \
  "smtp_tls_security_level = none" \
  "smtpd_sasl_type = dovecot" \
  "smtpd_sasl_path = inet:127.0.0.1:12345" \
  "smtpd_sasl_auth_enable = yes" \
  "smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated defer_unauth_destination" \
  "smtpd_recipient_restrictions =" \
  "message_size_limit = 104857600" \
  "maillog_file_prefixes = /var, /dev/stdout, $STATE/log" \
  "maillog_file = $STATE/log/postfix.log" \
  "biff = no"
# submission: STARTTLS, and AUTH before anything is accepted; smtps: TLS from the first byte
postconf -M "submission/inet=submission inet n - n - - smtpd"
postconf -P "submission/inet/syslog_name=postfix/submission" \
  "submission/inet/smtpd_tls_security_level=encrypt" \
  "submission/inet/smtpd_sasl_auth_enable=yes" \
  "submission/inet/smtpd_tls_auth_only=yes" \
  "submission/inet/smtpd_relay_restrictions=permit_sasl_authenticated,reject" \
  "submission/inet/smtpd_client_restrictions=permit_sasl_authenticated,reject"
postconf -M "smtps/inet=smtps inet n - n - - smtpd"
postconf -P "smtps/inet/syslog_name=postfix/smtps" \
  "smtps/inet/smtpd_tls_wrappermode=yes" \
  "smtps/inet/smtpd_sasl_auth_enable=yes" \
  "smtps/inet/smtpd_relay_restrictions=permit_sasl_authenticated,reject" \
  "smtps/inet/smtpd_client_restrictions=permit_sasl_authenticated,reject"
# no chroot: without the init script nobody populates the jail
postconf -F '*/*/chroot = n'
postconf -M "postlog/unix-dgram=postlog unix-dgram n - n - 1 postlogd"
[ -f /etc/aliases ] || echo "postmaster: root" > /etc/aliases
[ -f /etc/aliases.db ] || newaliases
[ -f /etc/mailname ] || echo "mail.$DOMAIN" > /etc/mailname

POSTFIX_PID=/var/spool/postfix/pid/master.pid
postfix_running() { [ -s "$POSTFIX_PID" ] && kill -0 "$(tr -d ' ' < "$POSTFIX_PID")" 2>/dev/null; }
if postfix_running; then
  log "postfix already running; reloading"
  postfix reload </dev/null >>"$STATE/log/start.log" 2>&1 3>&- || true
else
  log "starting postfix"
  postfix check </dev/null >>"$STATE/log/start.log" 2>&1 || { log "postfix check failed:"; postfix check </dev/null >&2 2>&1; exit 1; }
  # the daemons must not keep our stdout open (a caller reading it would never see its end)
  postfix start </dev/null >>"$STATE/log/start.log" 2>&1 3>&-
fi

wait_for_port() {
  for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  log "nothing listens on 127.0.0.1:$1 (see $STATE/log)"; return 1
}
for port in 143 993 110 995 24 25 587 465; do wait_for_port "$port"; done

# ------------------------------------------------------------------------------------------------ PostgreSQL
PG_URL=""
if [ "$WITH_POSTGRES" = 1 ]; then
  PG_VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$PG_VERSION mailroom"; then
    log "creating PostgreSQL $PG_VERSION cluster 'mailroom' on port $PG_PORT"
    pg_createcluster "$PG_VERSION" mailroom -p "$PG_PORT" >/dev/null
    # tests create a database per Spring context: make that cheap
    cat >> "/etc/postgresql/$PG_VERSION/mailroom/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
CONF
  fi
  if pg_lsclusters -h | awk '$1" "$2=="'"$PG_VERSION"' mailroom"{print $4}' | grep -q online; then
    log "PostgreSQL cluster 'mailroom' already running"
  else
    log "starting PostgreSQL cluster 'mailroom'"
    pg_ctlcluster "$PG_VERSION" mailroom start </dev/null 3>&-
  fi
  psql_admin() { su postgres -c "psql -X -q -p $PG_PORT -v ON_ERROR_STOP=1 $*"; }
  if [ -z "$(psql_admin "-tAc \"select 1 from pg_roles where rolname = 'mailroom'\"")" ]; then
    psql_admin "-c \"create user mailroom password 'mailroom' createdb\""
  fi
  if [ -z "$(psql_admin "-tAc \"select 1 from pg_database where datname = 'mailroom'\"")" ]; then
    psql_admin "-c \"create database mailroom owner mailroom\""
  fi
  PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/mailroom"
fi

# ------------------------------------------------------------------------------------------------ report
cat > "$STATE/acceptance.properties" <<PROPS
# written by scripts/acceptance/mailservers-up.sh; read by the acceptance tests (MAILROOM_ACCEPTANCE_STATE=$STATE)
host=127.0.0.1
domain=$DOMAIN
certificate=$STATE/tls/cert.pem
imap.port=143
imaps.port=993
pop3.port=110
pop3s.port=995
smtp.port=25
submission.port=587
smtps.port=465
users=$(for up in $USERS; do printf '%s ' "${up%%:*}"; done)
$(for up in $USERS; do echo "user.${up%%:*}.password=${up#*:}"; done)
maildir=$STATE/mail/%u/Maildir
dovecot.binary=$(command -v dovecot)
dovecot.config=$STATE/dovecot/dovecot.conf
dovecot.pidfile=$DOVECOT_PID
logs=$STATE/log
PROPS
log "up in $(( $(date +%s) - started )) s: dovecot pid $(cat "$DOVECOT_PID"), postfix pid $(tr -d ' ' < "$POSTFIX_PID")"
log "listening:"
ss -ltn | awk 'NR>1{print "  "$4}' | grep -E ":(143|993|110|995|24|25|587|465|12345|$PG_PORT)\$" >&2 || true
log "certificate $STATE/tls/cert.pem; users $USERS (@$DOMAIN); state described in $STATE/acceptance.properties"
echo "export MAILROOM_ACCEPTANCE_STATE=$STATE" >&3
if [ -n "$PG_URL" ]; then
  echo "export MAILROOM_TEST_PG_URL=$PG_URL MAILROOM_TEST_PG_USER=mailroom MAILROOM_TEST_PG_PASSWORD=mailroom" >&3
fi
