#!/usr/bin/env bash
# Lighthouse on the home, book, trips and planner pages (and the passenger pages in Thai), on a phone (Lighthouse's
# mobile preset: a Moto G-class screen, slow 4G and a 4× slower CPU, simulated) and on a desktop, against a Lancang
# server this script starts on a fresh database. Prints the four scores of each page (performance, accessibility,
# best practices, SEO) and keeps the reports in target/lighthouse/. Not part of CI (.ci/run): it needs the npm
# registry for `lighthouse`.
#
#   scripts/lighthouse.sh                    # builds with ./lancang if needed, port 8182
#   LANCANG_JAR=lancang-app/target/lancang.jar LANCANG_LH_PORT=8190 scripts/lighthouse.sh
#   LANCANG_LH_PAGES="planner" scripts/lighthouse.sh   # only the pages named
#
# Needs: Java 17, Debian's chromium (CHROME_PATH, default /usr/bin/chromium), node and npx (npm registry), curl.
# LIGHTHOUSE may name an installed lighthouse binary instead of `npx --yes lighthouse@$LIGHTHOUSE_VERSION`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${LANCANG_LH_PORT:-8182}"
base="http://localhost:$port"
out="$root/target/lighthouse"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
LIGHTHOUSE_VERSION="${LIGHTHOUSE_VERSION:-12.8.2}"
if [ -n "${LIGHTHOUSE:-}" ]; then lighthouse=("$LIGHTHOUSE"); else lighthouse=(npx --yes "lighthouse@$LIGHTHOUSE_VERSION"); fi

mkdir -p "$out"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# 1. a server on a fresh database
if [ -n "${LANCANG_JAR:-}" ]; then
  java -jar "$LANCANG_JAR" serve --port "$port" --data-dir "$work/var" >"$work/server.log" 2>&1 &
else
  "$root/lancang" serve --port "$port" --data-dir "$work/var" >"$work/server.log" 2>&1 &
fi
server_pid=$!
for _ in $(seq 1 180); do
  if curl -fs "$base/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log" >&2; echo "lighthouse.sh: the server did not start" >&2; exit 1; fi
  sleep 1
done
curl -fs "$base/health" >/dev/null || { echo "lighthouse.sh: no answer on $base/health" >&2; exit 1; }
admin_password="$(sed -n 's/^ *password: \([^ ]*\).*/\1/p' "$work/server.log" | head -1)"
[ -n "$admin_password" ] || { echo "lighthouse.sh: the server printed no admin password (not a fresh database?)" >&2; exit 1; }

# 2. a user who may open the signed-in pages (trips: a passenger; planner: a planner), and its session cookie
login() { # user password -> the session cookie's value
  curl -fs -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$base/api/auth/login" \
    | sed -n 's/^[Ss]et-[Cc]ookie: lancang_session=\([^;]*\).*/\1/p' | tr -d '\r'
}
admin_token="$(curl -fs -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$admin_password\"}" \
  "$base/api/auth/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
curl -fs -o /dev/null -H 'Content-Type: application/json' -H "Authorization: Bearer $admin_token" \
  -d '{"username":"lighthouse","displayName":"Lighthouse","password":"lighthouse password 1","roles":["PASSENGER","PLANNER"]}' \
  "$base/api/users"
cookie="$(login lighthouse 'lighthouse password 1')"
printf '{"Cookie": "lancang_session=%s"}\n' "$cookie" >"$work/signed-in.json"

# 3. Lighthouse on each page, mobile and desktop
# the passenger pages in Thai too (issue 19): their own fonts, lang and Buddhist Era dates
pages=("home|/|public" "book|/book.html|public" "trips|/trips.html|signed-in" "planner|/planner.html|signed-in"
  "home-th|/?lang=th|public" "book-th|/book.html?lang=th|public" "trips-th|/trips.html?lang=th|signed-in"
  "board-th|/board.html?lang=th|public")
only="${LANCANG_LH_PAGES:-}" # e.g. "planner book": only these pages
printf '%-8s %-8s %11s %13s %14s %4s\n' page device performance accessibility best-practices seo
for spec in "${pages[@]}"; do
  IFS='|' read -r name path who <<<"$spec"
  if [ -n "$only" ] && [[ " $only " != *" $name "* ]]; then continue; fi
  for device in mobile desktop; do
    args=(--quiet --output=json --output-path="$out/$name-$device.json"
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run")
    [ "$device" = desktop ] && args+=(--preset=desktop)
    [ "$who" = signed-in ] && args+=(--extra-headers="$work/signed-in.json")
    "${lighthouse[@]}" "$base$path" "${args[@]}" >/dev/null 2>"$work/lh.log" || { cat "$work/lh.log" >&2; exit 1; }
    node -e '
      const r = require(process.argv[1]);
      if (r.runtimeError) { console.error(r.runtimeError.message); process.exit(1); }
      const s = (k) => Math.round(r.categories[k].score * 100);
      console.log([process.argv[2].padEnd(8), process.argv[3].padEnd(8), String(s("performance")).padStart(11),
        String(s("accessibility")).padStart(13), String(s("best-practices")).padStart(14), String(s("seo")).padStart(4)].join(" "));
    ' "$out/$name-$device.json" "$name" "$device"
  done
done
echo "reports: $out/<page>-<device>.json"
