#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: Debian Chromium for the browser tests and
# fonts (including Korean) so screenshots render the UI's three languages. Idempotent: it does
# nothing when everything is present. npm packages are restored by the web build itself.
set -euo pipefail

packages=(chromium fonts-dejavu-core fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "prerequisites: need root to install ${missing[*]} (apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
else
  SUDO=
fi
echo "prerequisites: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -q
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
