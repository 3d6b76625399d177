#!/usr/bin/env bash
# Makes the editor harness ready, from the npm registry: the driver as the lockfile pins it, and Label Studio's editor
# bundle checked against the checksum pinned here. Idempotent and quick when both are in place; nothing it fetches
# is committed (node_modules/, .cache/ and editor/ are ignored).
set -euo pipefail
cd "$(dirname "$0")"

# The newest release of Label Studio's editor whose npm tarball ships a prebuilt bundle (1.8.0 ships none); the
# SHA-512 of that tarball is npm's "integrity" of the version, written in hex.
EDITOR_PACKAGE=@heartexlabs/label-studio
EDITOR_VERSION=1.4.0
EDITOR_SHA512=35ccc5da00c5fd686aefec48ded6192eb024f0faba85a7178581039967c7010219d1e8a27b2accc711f3e0a214ef09da802a26686bfe409d9973a4817019ae0a

# Chromium comes from Debian; playwright-core must never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
locked=$(node -p "require('./package-lock.json').packages['node_modules/playwright-core'].version")
installed=$(node -p "try { require('./node_modules/playwright-core/package.json').version } catch (e) { '' }")
if [ "$locked" != "$installed" ]; then
  echo "Installing playwright-core $locked from the lockfile"
  npm ci --silent --no-audit --no-fund
fi

tarball=.cache/label-studio-$EDITOR_VERSION.tgz
sha512() { sha512sum "$1" | cut -d' ' -f1; }
if [ ! -f "$tarball" ] || [ "$(sha512 "$tarball")" != "$EDITOR_SHA512" ]; then
  echo "Fetching $EDITOR_PACKAGE@$EDITOR_VERSION"
  rm -rf .cache && mkdir -p .cache
  packed=$(npm pack "$EDITOR_PACKAGE@$EDITOR_VERSION" --pack-destination .cache --silent)
  mv ".cache/$packed" "$tarball"
  actual=$(sha512 "$tarball")
  if [ "$actual" != "$EDITOR_SHA512" ]; then
    rm -f "$tarball"
    echo "$EDITOR_PACKAGE@$EDITOR_VERSION does not match its pinned checksum (sha512 $actual)" >&2
    exit 1
  fi
fi
# Always from the verified tarball, so an edited copy never survives.
rm -rf editor && mkdir -p editor
tar -xzf "$tarball" -C editor --strip-components=4 package/build/static/js/main.js package/build/static/css/main.css
