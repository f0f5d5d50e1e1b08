#!/bin/sh
# Inside a private D-Bus session (dbus-run-session): runs gnome-keyring's Secret Service for one
# command, then stops it, so no daemon outlives its session.
#   keyring-session.sh unlock <command> [args...]   the login keyring unlocked with $KEYRING_PASSWORD
#                                                   (created on first use)
#   keyring-session.sh locked <command> [args...]   the keyring as after a login that did not unlock it
# The command's exit code is the script's.
mode=$1
shift
if [ "$mode" = unlock ]; then
  printf %s "$KEYRING_PASSWORD" | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
else
  gnome-keyring-daemon --foreground --components=secrets </dev/null >/dev/null 2>&1 &
fi
daemon=$!
trap 'kill "$daemon" 2>/dev/null' EXIT
tries=0
until dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
  org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; do
  tries=$((tries + 1))
  if [ "$tries" -ge 250 ]; then
    echo "gnome-keyring did not start its Secret Service" >&2
    exit 1
  fi
  sleep 0.02
done
"$@"
status=$?
exit "$status"
