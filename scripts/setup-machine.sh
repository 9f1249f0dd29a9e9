#!/usr/bin/env bash
# Installs what the tests need and a fresh machine lacks: headless Chromium and its driver for the browser tests,
# CJK fonts for readable screenshots (and WQY Zen Hei for the test of a system font collection; GovHall's own PDFs
# use the font inside the jar), poppler for PDF checks, HAProxy for the test of two nodes behind a reverse proxy
# (system/TwoNodesBehindProxyTests). Idempotent. GovHall itself (README command 1) needs none.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || need+=(fonts-wqy-zenhei)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v psql >/dev/null 2>&1 || need+=(postgresql)
# Debian installs it in /usr/sbin, which is not on a non-root PATH
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || need+=(haproxy)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
