#!/usr/bin/env bash
# The Dockerfile's steps without Docker (docs/serve.md, "Container"): where no image can be
# built (no Docker daemon, no registry to pull debian:12 from), this runs what the image build
# and `docker run` would run, on this Debian 12 host, in a fresh folder, and checks the rest:
#
#  1. every package both stages install exists in Debian 12 (apt-cache), and the build stage's
#     are installed here (so the host stands in for the build image);
#  2. the build context as `COPY . /src` sends it (the tree minus .dockerignore) is copied to a
#     fresh folder, and every RUN command of the build stage but apt-get is run as written, with
#     /src and /install replaced by folders under WORK;
#  3. every shared library the installed binary needs belongs to a package of the runtime
#     stage's list or to debian:12-slim itself (libc6, libstdc++6, libgcc-s1, zlib1g: Essential
#     or required there);
#  4. the image's CMD is run as written (paths replaced): without a token it must refuse to start
#     (0.0.0.0 needs one); with CORRIDOR_TOKEN it serves the demo database: /healthz, /readyz,
#     401 without the token, /lists, /screen and /match with it, exit 0 on SIGTERM.
#
# Not verified here: the base images themselves, `useradd`, `USER corridor` and file ownership,
# and that apt inside a clean image resolves the same versions. tests/docker_image.sh (run by
# hand, as root, with podman) builds and runs the real image and checks those.
#
#   tests/docker_steps.sh [WORK]   (default: a temporary folder, removed at the end)
# Set CCACHE_DIR to compile through ccache (the one addition to the Dockerfile's commands).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dockerfile="$root/Dockerfile"
keep=0
if [ $# -ge 1 ]; then
  keep=1
  work=$1
  mkdir -p "$work"
  work=$(cd "$work" && pwd)
else
  work=$(mktemp -d)
fi
server=""
cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; fi
  if [ "$keep" = 0 ]; then rm -rf "$work"; fi
}
trap cleanup EXIT
say() { printf 'docker-steps: %s\n' "$*"; }
fail() { printf 'docker-steps: FAILED: %s\n' "$*" >&2; exit 1; }

# The Dockerfile's instructions, continuation lines joined, comments dropped; "STAGE<TAB>LINE".
instructions() {
  awk '
    /^[[:space:]]*#/ { next }
    { line = $0 }
    pending != "" { line = pending " " line; pending = "" }
    /\\$/ { sub(/\\$/, "", line); pending = line; next }
    line ~ /^FROM / { stage++ }
    line ~ /[^[:space:]]/ { print stage "\t" line }
  ' "$dockerfile"
}
# The packages an apt-get install line of stage $1 names.
packages() {
  instructions | awk -F'\t' -v stage="$1" '$1 == stage && /apt-get install/' |
    sed -e 's/.*--no-install-recommends//' -e 's/&&.*//' | tr ' ' '\n' | grep -v '^$' || true
}

# 1. Packages.
build_packages=$(packages 1)
runtime_packages=$(packages 2)
[ -n "$build_packages" ] && [ -n "$runtime_packages" ] || fail "no apt-get install lines found"
for package in $build_packages $runtime_packages; do
  apt-cache show --no-all-versions "$package" >/dev/null 2>&1 ||
    fail "package $package is not in this host's Debian archive"
done
for package in $build_packages; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    fail "build package $package is not installed here (.ci/install-deps)"
done
say "1. $(echo $build_packages | wc -w) build and $(echo $runtime_packages | wc -w) runtime packages exist in $(. /etc/os-release && echo "$PRETTY_NAME"); the build ones are installed here"

# 2. The build context and the build stage's RUN commands.
src="$work/src" install="$work/install"
rm -rf "$src" "$install"
mkdir -p "$src"
excludes=()
while read -r pattern; do
  [ -n "$pattern" ] && excludes+=("--exclude=./$pattern")
done < <(grep -v '^[[:space:]]*#' "$root/.dockerignore" 2>/dev/null || true)
tar -C "$root" "${excludes[@]}" -cf - . | tar -C "$src" -xf -
launcher=()
[ -n "${CCACHE_DIR:-}" ] && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
step=0
while IFS=$'\t' read -r stage line; do
  [ "$stage" = 1 ] || continue
  case "$line" in
    RUN\ *apt-get*) continue ;;  # the host stands in for the image's packages (step 1)
    RUN\ *) ;;
    *) continue ;;
  esac
  command=${line#RUN }
  command=${command//\/src/$src}
  command=${command//\/install/$install}
  if [ ${#launcher[@]} -gt 0 ]; then
    command=${command//cmake -S . -B build/cmake -S . -B build ${launcher[*]}}
  fi
  step=$((step + 1))
  say "2.$step (cd $src && $command)"
  (cd "$src" && bash -euo pipefail -c "$command") > "$work/run-$step.log" 2>&1 ||
    { tail -30 "$work/run-$step.log" >&2; fail "RUN step $step failed (log: $work/run-$step.log)"; }
done < <(instructions)
[ "$step" -ge 2 ] || fail "expected the build stage's RUN commands, found $step"
warnings=$(cat "$work"/run-*.log | grep -c 'warning:' || true)
say "2. $step RUN commands of the build stage ran; compiler warnings: $warnings"
binary="$install/usr/bin/corridor"
[ -x "$binary" ] || fail "no $binary after the build stage"

# 3. Shared libraries of the installed binary against the runtime stage's packages and what apt
# installs with them (libcurl4 brings libnghttp2-14, librtmp1, ...): the dependency closure,
# computed once (into a variable: `grep -q` on a pipe would cut it short under pipefail).
base_packages="libc6 libstdc++6 libgcc-s1 zlib1g"
closure=" $base_packages $(apt-cache depends --recurse --no-recommends --no-suggests \
  --no-conflicts --no-breaks --no-replaces --no-enhances $runtime_packages 2>/dev/null |
  grep -v '^ ' | sed 's/:.*//' | sort -u | tr '\n' ' ') "
missing=""
while read -r library; do
  owner=$(dpkg -S "$(readlink -f "$library")" 2>/dev/null | head -1 | cut -d: -f1 || true)
  [ -n "$owner" ] || owner=$(dpkg -S "$library" 2>/dev/null | head -1 | cut -d: -f1 || true)
  if [ -z "$owner" ]; then
    missing="$missing $library(no package)"
  elif [[ "$closure" != *" $owner "* ]]; then
    missing="$missing $library($owner)"
  fi
done < <(ldd "$binary" | awk '/=> \// { print $3 }')
ldd "$binary" > "$work/ldd.txt"
if grep -q 'not found' "$work/ldd.txt"; then fail "a library of $binary is not found"; fi
[ -z "$missing" ] || fail "libraries no runtime package provides:$missing"
say "3. every library of the installed binary comes from the runtime stage's packages or the base image"

# 4. The CMD, as written, on the demo database the build stage made.
cmd=$(instructions | awk -F'\t' '$1 == 2 && $2 ~ /^CMD /' | sed 's/^[0-9]*\tCMD //')
[ -n "$cmd" ] || fail "no CMD in the runtime stage"
mapfile -t argv < <(python3 -c 'import json, sys; print("\n".join(json.loads(sys.argv[1])))' "$cmd")
[ "${argv[0]}" = corridor ] || fail "CMD does not run corridor: $cmd"
argv[0]=$binary
for i in "${!argv[@]}"; do
  argv[$i]=${argv[$i]//\/data/$install/data}
  argv[$i]=${argv[$i]//\/usr\/share/$install/usr/share}
done
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
for i in "${!argv[@]}"; do argv[$i]=${argv[$i]//0.0.0.0:8080/0.0.0.0:$port}; done
set +e
(cd "$install/data" && env -u CORRIDOR_TOKEN timeout 60 "${argv[@]}") > "$work/no-token.log" 2>&1
code=$?
set -e
[ "$code" = 1 ] && grep -q "needs a bearer token" "$work/no-token.log" ||
  fail "without a token the CMD should refuse to start (exit 1), got $code: $(cat "$work/no-token.log")"
say "4. without CORRIDOR_TOKEN the CMD refuses to listen on 0.0.0.0 (exit 1): $(tail -1 "$work/no-token.log")"
token=docker-steps-$RANDOM$RANDOM
(cd "$install/data" && CORRIDOR_TOKEN=$token exec "${argv[@]}") > "$work/serve.log" 2>&1 &
server=$!
url="http://127.0.0.1:$port"
for _ in $(seq 1 600); do
  curl -fsS "$url/healthz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || fail "serve exited: $(cat "$work/serve.log")"
  sleep 0.2
done
curl -fsS "$url/readyz" > "$work/readyz.json" || fail "/readyz"
code=$(curl -s -o /dev/null -w '%{http_code}' "$url/lists")
[ "$code" = 401 ] || fail "/lists without the token answered $code, not 401"
auth=(-H "Authorization: Bearer $token")
curl -fsS "${auth[@]}" "$url/lists" > "$work/lists.json" || fail "/lists with the token"
shipment='{"shipment_id": "D-1", "destination_country": "RU", "parties": [{"role": "consignee",
  "name": "Joint Stock Company Elecsnet", "country": "RU"}]}'
curl -fsS "${auth[@]}" -H 'Content-Type: application/json' -d "$shipment" "$url/screen" \
  > "$work/screen.json" || fail "POST /screen"
grep -q '"decision"' "$work/screen.json" || fail "/screen answered $(head -c 300 "$work/screen.json")"
curl -fsS "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"queries": {"q": {"schema": "Person", "properties": {"name": ["Quanguo Chen"]}}}}' \
  "$url/match/default" > "$work/match.json" || fail "POST /match/default"
grep -q '"responses"' "$work/match.json" || fail "/match answered $(head -c 300 "$work/match.json")"
kill -TERM "$server"
set +e
wait "$server"
code=$?
set -e
server=""
[ "$code" = 0 ] || fail "serve exited $code on SIGTERM"
say "4. with CORRIDOR_TOKEN the CMD served the demo database on 0.0.0.0:$port: /healthz, /readyz, 401 without the token, /lists, /screen ($(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["decision"])' "$work/screen.json")), /match; exit 0 on SIGTERM"
say "passed (work folder: $work)"
