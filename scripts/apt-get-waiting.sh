#!/bin/sh
# apt-get "$@", waiting while another process (unattended-upgrades, another apt-get) holds
# apt's or dpkg's lock, for at most APT_WAIT_S seconds (default 600). Used by `make system-deps`.
# apt's own DPkg::Lock::Timeout covers dpkg's lock but not the lists lock of `apt-get update`.
limit=${APT_WAIT_S:-600}
step=${APT_WAIT_STEP_S:-5}
waited=0
err=$(mktemp)
trap 'rm -f "$err"' EXIT
while :; do
  if apt-get -o DPkg::Lock::Timeout="$limit" "$@" 2>"$err"; then
    cat "$err" >&2
    exit 0
  fi
  if ! grep -q -e "Could not get lock" -e "Unable to lock" -e "Unable to acquire the dpkg frontend lock" "$err"; then
    cat "$err" >&2
    exit 1
  fi
  if [ "$waited" -ge "$limit" ]; then
    cat "$err" >&2
    echo "apt is still locked by another process after ${limit} s: wait for it to finish (or set APT_WAIT_S) and retry" >&2
    exit 1
  fi
  if [ "$waited" -eq 0 ]; then
    echo "another process holds apt's lock: waiting for it (at most ${limit} s)" >&2
  fi
  sleep "$step"
  waited=$((waited + step))
done
