#!/bin/sh
# Makes sure Debian's chromium is at /usr/bin/chromium for the report browser test (playwright-core drives
# it; no browser download). Installs it with apt-get when missing: the test machines and CI run as root
# on Debian. Prints the path on success.
set -eu
CHROMIUM=/usr/bin/chromium
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-chromium: $CHROMIUM is missing and installing it needs root (apt-get install -y chromium)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends chromium >&2
fi
echo "$CHROMIUM"
