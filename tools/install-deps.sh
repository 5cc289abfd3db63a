#!/usr/bin/env bash
# Installs the Debian 12 packages creditlens builds, tests and benchmarks with, when missing.
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  liblua5.4-dev libboost-json1.81-dev libpoco-dev libsqlite3-dev
  libcairo2-dev libpango1.0-dev fonts-dejavu-core
  libgtest-dev libgmock-dev libhowardhinnant-date-dev tzdata
  python3 python3-aiosmtpd openssl poppler-utils sqlite3 time
  libpq-dev libmariadb-dev postgresql-15 mariadb-server unixodbc unixodbc-dev odbc-postgresql
  clickhouse-server clickhouse-client
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "missing packages: ${missing[*]}" >&2
  echo "run as root (or: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
