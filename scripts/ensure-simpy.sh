#!/bin/sh
# Makes sure SimPy 3 (Debian's python3-simpy3) is importable by Debian's own Python, for the side-by-side
# event-throughput benchmark (`pnpm bench:simpy`, and the SimPy row of `pnpm bench`). Installs it with
# apt-get when missing: the bench machines and CI run as root on Debian. Prints the Python interpreter to
# use on success; exits non-zero with a one-line reason otherwise. With `--check`, only checks (never
# installs): the quick smoke run uses that.
set -eu
PYTHON=/usr/bin/python3
CHECK_ONLY=0
if [ "${1:-}" = "--check" ]; then CHECK_ONLY=1; fi
has_simpy3() {
  "$PYTHON" -c 'import simpy, sys; sys.exit(0 if simpy.__version__.split(".")[0] == "3" else 1)' 2>/dev/null
}
if [ ! -x "$PYTHON" ]; then
  echo "ensure-simpy: $PYTHON is missing (Debian's python3 is needed: apt-get install -y python3-simpy3)" >&2
  exit 1
fi
if ! has_simpy3; then
  if [ "$CHECK_ONLY" -eq 1 ]; then
    echo "ensure-simpy: SimPy 3 is not installed (run scripts/ensure-simpy.sh, or apt-get install -y python3-simpy3)" >&2
    exit 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-simpy: SimPy 3 is not installed and apt-get is not available (need Debian's python3-simpy3)" >&2
    exit 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-simpy: SimPy 3 is not installed and installing it needs root (apt-get install -y python3-simpy3)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache policy python3-simpy3 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    apt-get update -qq >&2
  fi
  apt-get install -y -qq --no-install-recommends python3-simpy3 >&2
  if ! has_simpy3; then
    echo "ensure-simpy: python3-simpy3 installed but '$PYTHON -c \"import simpy\"' does not give SimPy 3" >&2
    exit 1
  fi
fi
echo "$PYTHON"
