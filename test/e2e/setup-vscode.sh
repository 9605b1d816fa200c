#!/usr/bin/env bash
# Installs the real VS Code workbench used by the end-to-end tests: code-server 4.100.3 (= VS Code 1.100.3) from the
# npm registry, offline, into a cache folder outside the repository ($PCL_VSCODE_HOME, default ~/.cache/pcl-vscode),
# reused when present. Also makes sure the Debian packages the tests need are there (chromium, ripgrep, libkrb5-dev,
# neovim): installed when run as root, otherwise it stops with the exact apt-get line to run.
# Why not a devDependency: code-server's install needs three offline workarounds (below), so `npm ci` would fail.
set -euo pipefail
CS_VERSION=4.100.3
HOME_DIR=${PCL_VSCODE_HOME:-$HOME/.cache/pcl-vscode}
CS_DIR="$HOME_DIR/cs"
ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
PKGS="chromium ripgrep libkrb5-dev neovim"
# Only needed to build code-server's native modules (node-gyp), so only when it is not installed yet.
BUILD_PKGS="build-essential python3"

cs_present() { [ -f "$ENTRY" ] && grep -q "\"version\": \"$CS_VERSION\"" "$CS_DIR/node_modules/code-server/package.json" 2>/dev/null; }
cs_present || PKGS="$PKGS $BUILD_PKGS"

missing=""
for p in $PKGS; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"; done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup-vscode: installing Debian packages:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "setup-vscode: missing Debian packages. Run as root:"
    echo "  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y$missing"
    exit 1
  fi
fi

if cs_present; then
  echo "setup-vscode: code-server $CS_VERSION present in $CS_DIR"
  exit 0
fi

echo "setup-vscode: installing code-server $CS_VERSION into $CS_DIR (about a minute; node-gyp builds)"
mkdir -p "$HOME_DIR/tmp" "$CS_DIR"
# 1) @vscode/ripgrep's postinstall downloads rg from GitHub; it first looks for a cached tarball under $TMPDIR,
#    so seed that cache from Debian's /usr/bin/rg.
export TMPDIR="$HOME_DIR/tmp"
for RGPKG in 1.15.11 1.15.14 1.16.0 1.17.0; do
  d="$TMPDIR/vscode-ripgrep-cache-$RGPKG"; mkdir -p "$d"
  for RGVER in v13.0.0-10 v13.0.0-13 v13.0.0-4; do
    t="$d/ripgrep-$RGVER-x86_64-unknown-linux-musl.tar.gz"
    [ -f "$t" ] || tar czf "$t" -C /usr/bin rg
  done
done
# 2) code-server's postinstall refuses to run as root unless unsafe_perm is set.
export npm_config_unsafe_perm=true
# 3) node-pty's postinstall runs `npx node-gyp`; npx must not ask.
export npm_config_yes=true
# node-gyp must use the local Node headers instead of downloading them.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node_version.h ]; then export npm_config_nodedir=/usr; fi
cd "$CS_DIR"
[ -f package.json ] || echo '{"name":"pcl-code-server-host","private":true}' > package.json
npm install --no-save --no-audit --no-fund --foreground-scripts "code-server@$CS_VERSION" > "$CS_DIR/install.log" 2>&1 \
  || { echo "setup-vscode: npm install of code-server failed; last lines of $CS_DIR/install.log:"; tail -30 "$CS_DIR/install.log"; exit 1; }
[ -f "$ENTRY" ] || { echo "setup-vscode: code-server entry point missing after install"; exit 1; }
echo "setup-vscode: code-server $CS_VERSION installed"
