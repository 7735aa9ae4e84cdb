#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine with Swift lacks for okrug. Safe to run again:
# it installs only what is missing.
#   scripts/setup.sh          libcmark-dev, zlib1g-dev, pkg-config, python3-venv, poppler-utils; Pagefind and pandoc into .venv/
#   scripts/setup.sh --office also the tools for files: LibreOffice (headless, no GUI) for office files
#                             as PDF, tesseract with the Russian and English models for scanned PDFs,
#                             libvips for Word's drawings and TIFF pictures
#   scripts/setup.sh --tests  also chromium, chromium-driver, fonts, Java, the tools of --office; the Python test tools
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tests=false
office=false
for argument in "$@"; do
  case "$argument" in
    --tests) tests=true; office=true ;;
    --office) office=true ;;
  esac
done

# The Swift packages are fetched meanwhile: the installs below and the download both wait on the
# disk and the network more than on the processor (about 10 s less from a fresh clone).
resolving=""
if command -v swift >/dev/null 2>&1; then
  resolve_log="$(mktemp)"
  (cd "$root" && swift package resolve) >"$resolve_log" 2>&1 &
  resolving=$!
fi

need=()
pkg-config --exists libcmark 2>/dev/null || need+=(libcmark-dev)
pkg-config --exists zlib 2>/dev/null || need+=(zlib1g-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need+=(python3-venv)
# poppler: the picture of a PDF's first page and its page count on a material's page.
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# LibreOffice without its desktop (the -nogui packages, about 230 MB): presentations, documents
# and spreadsheets become PDFs with a picture of the first page. Not installed by default: the
# first site from a fresh clone stays within two minutes.
if $office; then
  command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui libreoffice-impress-nogui libreoffice-calc-nogui)
  # OCR of scanned pages (about 9 MB with both models): search finds the words of a scanned order.
  command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
  [ -e /usr/share/tesseract-ocr/5/tessdata/rus.traineddata ] || need+=(tesseract-ocr-rus)
  [ -e /usr/share/tesseract-ocr/5/tessdata/eng.traineddata ] || need+=(tesseract-ocr-eng)
  # libvips: pictures turned, stripped of EXIF and made in the widths screens need; EMF/WMF
  # drawings and TIFF pictures of Word documents become PNG. cwebp (webp): the WebP copies.
  command -v vips >/dev/null 2>&1 || need+=(libvips-tools)
  command -v cwebp >/dev/null 2>&1 || need+=(webp)
fi
if $tests; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
  [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
  command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
fi

if [ ${#need[@]} -gt 0 ]; then
  echo "okrug: устанавливаю ${need[*]}…"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

command -v swift >/dev/null 2>&1 || {
  echo "okrug: не найден Swift. Установите Swift 6 (https://www.swift.org/install/linux/) и повторите." >&2
  exit 1
}

# Python tools in a project-local virtual environment (.venv/); reinstalled only when a
# requirements file changed (a copy of each installed one is kept in .venv/).
[ -x "$root/.venv/bin/python" ] || python3 -m venv "$root/.venv"
install() {
  local list="$root/scripts/$1" stamp="$root/.venv/.okrug-$1"
  if ! cmp -s "$list" "$stamp" 2>/dev/null; then
    echo "okrug: устанавливаю Python-пакеты из scripts/$1 в .venv/…"
    "$root/.venv/bin/pip" install -q --disable-pip-version-check -r "$list"
    if [ "$1" = requirements-test.txt ]; then
      # axe-selenium-python declares Python >= 3.12 but runs on 3.11 (Debian 12's python3).
      "$root/.venv/bin/pip" install -q --disable-pip-version-check --ignore-requires-python axe-selenium-python==2.1.6
    fi
    cp "$list" "$stamp"
  fi
}
install requirements.txt
if $tests; then install requirements-test.txt; fi

if [ -n "$resolving" ]; then
  wait "$resolving" || { echo "okrug: не удалось получить пакеты Swift:" >&2; cat "$resolve_log" >&2; exit 1; }
  rm -f "$resolve_log"
fi
