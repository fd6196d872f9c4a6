#!/usr/bin/env bash
# Installs the Debian packages the tests need (Qt runtime libraries, Xvfb, poppler-utils, PostgreSQL)
# when they are missing. Needs root for that; without root it only reports what is missing.
set -euo pipefail
pkgs=(xvfb xauth libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
      libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
      libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1
      fonts-dejavu-core poppler-utils postgresql
      binutils desktop-file-utils)  # strip and objdump for `make bundle`; checking the menu entry
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps: missing Debian packages: ${missing[*]} (run 'sudo make system-deps')" >&2
  exit 1
fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
