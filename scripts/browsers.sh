#!/usr/bin/env bash
# The system packages the browser tests need, on Debian (and Ubuntu): Chromium, WebKitGTK's WebDriver with
# a virtual screen, Firefox, Korean fonts (without them screenshots and PDFs show boxes for Hangul), the PDF tools
# and npm. As root it installs what is missing; otherwise it names what is missing and how to get it, and
# exits 1 only with --require (CI). `make install-dev` runs it; so does .ci/run, with --require.
set -euo pipefail
need=()
# Playwright's own Chromium, where it could be downloaded, stands in for Debian's.
if ! command -v chromium >/dev/null 2>&1 && ! ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-* >/dev/null 2>&1; then
  need+=(chromium)
fi
command -v WebKitWebDriver >/dev/null 2>&1 || need+=(webkit2gtk-driver)
# Firefox drives itself (WebDriver BiDi): no geckodriver. Debian's is the ESR; a GitHub runner has Firefox.
command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || need+=(firefox-esr)
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)  # not -q: grep quitting early fails the pipe
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# npm installs the pinned axe-core (tests/vendor/package-lock.json) that the accessibility tests inject.
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing the browsers' system packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
  exit 0
fi
echo "The browser tests need: ${need[*]}. Install them as root: apt-get update && apt-get install -y ${need[*]}" >&2
[ "${1:-}" = "--require" ] && exit 1
exit 0
