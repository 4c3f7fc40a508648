#!/usr/bin/env bash
# Installs the Debian packages resguardo needs, only those missing.
#   runtime: WeasyPrint's pango/harfbuzz (PDF export), a local font, ffmpeg (cleans video and audio)
#   test:    runtime + Debian's chromium (browser tests), PostgreSQL, gettext (message extraction),
#            exiftool with Archive::Zip (makes dirty fixtures, double-checks scrubbed office files)
set -euo pipefail
what=${1:-runtime}
pkgs=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core ffmpeg)
if [ "$what" = test ]; then
  pkgs+=(chromium postgresql gettext libimage-exiftool-perl libarchive-zip-perl)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "resguardo needs these system packages (Debian names): ${missing[*]}" >&2
  echo "install them with your package manager and run again" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
