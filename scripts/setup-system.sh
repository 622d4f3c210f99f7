#!/usr/bin/env bash
# Installs what webgpu-nn needs on a GPU-less Debian 12 machine, as root:
# Chromium (headless browser tests) and Mesa 25's lavapipe from bookworm-backports
# (Debian 12's own lavapipe is rejected by Dawn). Safe to run twice.
set -euo pipefail

if [ "$(id -u)" != 0 ]; then
  echo "setup-system: run as root (apt-get installs system packages)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
backports=/etc/apt/sources.list.d/bookworm-backports.sources
if [ ! -f "$backports" ]; then
  cat > "$backports" <<SRC
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi

apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
apt-get install -y -qq --no-install-recommends -t bookworm-backports \
  mesa-vulkan-drivers libvulkan1 >/dev/null

echo "setup-system: chromium $(chromium --version 2>/dev/null | awk '{print $2}')," \
  "mesa-vulkan-drivers $(dpkg-query -W -f='${Version}' mesa-vulkan-drivers)"
