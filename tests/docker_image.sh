#!/usr/bin/env bash
# Builds the image of our Dockerfile and runs it, without a Docker daemon and without a registry
# (docs/serve.md, "Container"). Run by hand, not in CI (CI runs tests/docker_steps.sh).
#
# Needs: root; podman (Debian 12: `apt-get install podman runc mmdebstrap`), an OCI runtime that
# works here (runc or crun), mmdebstrap, curl, and deb.debian.org (the base images are made from
# Debian 12 packages, and the Dockerfile's apt-get runs against the same mirror). Nothing else is
# fetched: no registry is contacted (`--pull=never`). buildah, if installed, clears the working
# containers an interrupted build leaves behind.
#
#  1. Base images: `debian:12` is `mmdebstrap --variant=minbase bookworm` with /usr merged by its
#     hook (bookworm, bookworm-updates, bookworm-security from deb.debian.org), imported as
#     docker.io/library/debian:12; `debian:12-slim` is the same with the dpkg path-excludes of
#     the official slim images (docs, man, info, locale). Made once; CORRIDOR_REBASE=1 remakes them.
#  2. `podman build` of the Dockerfile as written (its layers cached between runs).
#  3. The image: its size, its user, who owns /data and the database.
#  4. The image's CMD: without CORRIDOR_TOKEN it refuses to start (exit 1); with it, it serves
#     the demo database: /healthz, /readyz, 401 without the token, /lists, /screen and /match with
#     it; `podman stop` (SIGTERM) ends it with exit 0.
#
# Exits 77 (skipped) with the reason when podman cannot build or run a container here.
#
#   tests/docker_image.sh   (state: CORRIDOR_DOCKER_STATE, default /var/tmp/corridor-docker:
#                            podman's storage, vfs driver, kept so that reruns reuse the layers)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state=${CORRIDOR_DOCKER_STATE:-/var/tmp/corridor-docker}
image=localhost/corridor:test
mirror=http://deb.debian.org
say() { printf 'docker-image: %s\n' "$*"; }
fail() { printf 'docker-image: FAILED: %s\n' "$*" >&2; exit 1; }
skip() { printf 'docker-image: SKIPPED: %s\n' "$*" >&2; exit 77; }

[ "$(id -u)" = 0 ] || skip "needs root (mmdebstrap --mode=root, podman's rootful storage)"
for tool in podman mmdebstrap curl python3; do
  command -v "$tool" >/dev/null || skip "needs $tool (apt-get install podman runc mmdebstrap curl)"
done
mkdir -p "$state/tmp"
export TMPDIR="$state/tmp"
# A storage of our own (vfs: no overlay mount needed), so nothing else podman holds is touched.
storage=(--root "$state/storage" --runroot "$state/run" --storage-driver vfs)
container=""
cleanup() {
  if [ -n "$container" ]; then podman "${runtime_flags[@]}" rm -f "$container" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
runtime_flags=("${storage[@]}")

# 1. The base images.
release_list() {
  echo "deb $mirror/debian bookworm main"
  echo "deb $mirror/debian bookworm-updates main"
  echo "deb $mirror/debian-security bookworm-security main"
}
slim_excludes=(--dpkgopt='path-exclude=/usr/share/doc/*'
  --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/man/*'
  --dpkgopt='path-exclude=/usr/share/info/*' --dpkgopt='path-exclude=/usr/share/groff/*'
  --dpkgopt='path-exclude=/usr/share/linda/*' --dpkgopt='path-exclude=/usr/share/lintian/overrides/*'
  --dpkgopt='path-exclude=/usr/share/locale/*')
make_base() {  # TAG [mmdebstrap options...]
  local tag=$1
  shift
  if [ "${CORRIDOR_REBASE:-0}" != 1 ] && podman "${storage[@]}" image exists "$tag"; then
    say "1. $tag: kept ($(podman "${storage[@]}" image inspect --format '{{index .Labels "org.corridor.base"}}' "$tag"))"
    return
  fi
  local tar="$state/tmp/base.tar" started=$SECONDS
  mapfile -t sources < <(release_list)
  # merged /usr by mmdebstrap's hook, as the official images have it without the usrmerge package
  # (which would bring perl, 60 MB, into the runtime image).
  mmdebstrap --variant=minbase --mode=root --format=tar \
    --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr "$@" bookworm "$tar" "${sources[@]}" \
    > "$state/mmdebstrap.log" 2>&1 || { tail -20 "$state/mmdebstrap.log" >&2; fail "mmdebstrap for $tag"; }
  local made
  made="mmdebstrap --variant=minbase bookworm${1:+ with the slim path-excludes}, $mirror, $(date -u +%FT%TZ)"
  podman "${storage[@]}" import --change 'CMD ["bash"]' \
    --change "LABEL org.corridor.base=\"$made\"" "$tar" "$tag" > "$state/import.log" 2>&1 ||
    { cat "$state/import.log" >&2; fail "podman import of $tag"; }
  rm -f "$tar"
  say "1. $tag: made in $((SECONDS - started)) s ($made)"
}
make_base docker.io/library/debian:12
make_base docker.io/library/debian:12-slim "${slim_excludes[@]}"

# An OCI runtime that can start a container here. In a container sandbox the usual obstacles
# are cgroups v1/hybrid (crun refuses those; runc does not) and rlimits: podman's defaults
# (nofile 1048576, nproc 32768) cannot be raised past the sandbox's hard limits, and setting
# nproc back to the host's own hard limit is refused too, so ask for less than that.
nofile=$(ulimit -Hn)
[ "$nofile" = unlimited ] && nofile=1048576
nproc=$(ulimit -Hu)
if [ "$nproc" = unlimited ] || [ "$nproc" -gt 4096 ]; then nproc=4096; else nproc=$((nproc / 2)); fi
ulimits=(--ulimit "nofile=$nofile:$nofile" --ulimit "nproc=$nproc:$nproc")
probe_log="$state/probe.log"
: > "$probe_log"
runtime=""
for candidate in runc crun; do
  command -v "$candidate" >/dev/null || continue
  if podman "${storage[@]}" --runtime "$candidate" --cgroup-manager cgroupfs run --rm \
      --network host "${ulimits[@]}" docker.io/library/debian:12 true >> "$probe_log" 2>&1; then
    runtime=$candidate
    break
  fi
done
[ -s "$probe_log" ] || echo "neither runc nor crun is installed" > "$probe_log"
[ -n "$runtime" ] || skip "no OCI runtime starts a container here: $(tr '\n' ' ' < "$probe_log")"
runtime_flags=("${storage[@]}" --runtime "$runtime" --cgroup-manager cgroupfs)
pod() { podman "${runtime_flags[@]}" "$@"; }
say "1. runtime: $runtime (podman $(podman --version | awk '{print $3}'), ulimits nofile=$nofile nproc=$nproc)"

# 2. The image, from the Dockerfile as written. An interrupted build leaves its working
# containers (full vfs copies) in our storage: buildah, if installed, removes them.
if command -v buildah >/dev/null; then buildah "${storage[@]}" rm --all >/dev/null 2>&1 || true; fi
started=$SECONDS
pod build --pull=never --network host "${ulimits[@]}" -t "$image" -f "$root/Dockerfile" "$root" \
  > "$state/build.log" 2>&1 || { tail -30 "$state/build.log" >&2; fail "podman build (log: $state/build.log)"; }
build_seconds=$((SECONDS - started))
warnings=$(grep -c 'warning:' "$state/build.log" || true)
say "2. built $image in $build_seconds s, compiler warnings: $warnings (log: $state/build.log)"

# 3. What the image holds.
size=$(pod image inspect --format '{{.Size}}' "$image")
user=$(pod image inspect --format '{{.Config.User}}' "$image")
[ "$user" = corridor ] || fail "the image runs as '$user', not corridor"
owners=$(pod run --rm --network host "${ulimits[@]}" "$image" \
  sh -c 'id -un; stat -c %U /data /data/corridor_demo.db; test -w /data && echo writable')
[ "$(echo $owners)" = "corridor corridor corridor writable" ] ||
  fail "user and owners of /data, /data/corridor_demo.db: $(echo $owners)"
say "3. image size $((size / 1000000)) MB; runs as corridor, who owns /data and the demo database"

# 4. The CMD as written. With --network host it listens on the host's 8080, which must be free.
python3 -c 'import socket; s = socket.socket(); s.bind(("0.0.0.0", 8080))' 2>/dev/null ||
  skip "port 8080 is in use on this host (the CMD listens there with --network host)"
set +e
refusal=$(pod run --rm --network host "${ulimits[@]}" "$image" 2>&1)
code=$?
set -e
[ "$code" = 1 ] && [[ "$refusal" == *"needs a bearer token"* ]] ||
  fail "without CORRIDOR_TOKEN the CMD should exit 1, got $code: $refusal"
say "4. without CORRIDOR_TOKEN: exit 1, $(echo "$refusal" | tail -1)"
token=docker-image-$RANDOM$RANDOM
started=$SECONDS
container=$(pod run -d --network host "${ulimits[@]}" -e CORRIDOR_TOKEN="$token" "$image")
url=http://127.0.0.1:8080
for _ in $(seq 1 600); do
  curl -fsS "$url/healthz" >/dev/null 2>&1 && break
  [ "$(pod inspect --format '{{.State.Running}}' "$container")" = true ] ||
    fail "the container stopped: $(pod logs "$container" 2>&1)"
  sleep 0.2
done
ready_seconds=$((SECONDS - started))
curl -fsS "$url/readyz" >/dev/null || fail "/readyz"
code=$(curl -s -o /dev/null -w '%{http_code}' "$url/lists")
[ "$code" = 401 ] || fail "/lists without the token answered $code, not 401"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer wrong' "$url/lists")
[ "$code" = 401 ] || fail "/lists with a wrong token answered $code, not 401"
auth=(-H "Authorization: Bearer $token")
lists=$(curl -fsS "${auth[@]}" "$url/lists") || fail "/lists with the token"
shipment='{"shipment_id": "D-1", "destination_country": "RU", "parties": [{"role": "consignee",
  "name": "Joint Stock Company Elecsnet", "country": "RU"}]}'
screen=$(curl -fsS "${auth[@]}" -H 'Content-Type: application/json' -d "$shipment" "$url/screen") ||
  fail "POST /screen"
decision=$(echo "$screen" | python3 -c 'import json, sys; print(json.load(sys.stdin)["decision"])') ||
  fail "/screen answered ${screen:0:300}"
match=$(curl -fsS "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"queries": {"q": {"schema": "Person", "properties": {"name": ["Quanguo Chen"]}}}}' \
  "$url/match/default") || fail "POST /match/default"
results=$(echo "$match" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["responses"]["q"]["results"]))') ||
  fail "/match answered ${match:0:300}"
pod stop -t 20 "$container" >/dev/null
code=$(pod inspect --format '{{.State.ExitCode}}' "$container")
[ "$code" = 0 ] || fail "serve exited $code on SIGTERM: $(pod logs "$container" 2>&1 | tail -3)"
pod rm "$container" >/dev/null
container=""
say "4. with CORRIDOR_TOKEN: healthy after $ready_seconds s; 401 without or with a wrong token; /lists ($(echo "$lists" | head -c 60)...), /screen ($decision), /match ($results results); exit 0 on SIGTERM"
say "passed (podman's storage: $(du -sh "$state/storage" | cut -f1) in $state; remove the folder to free it)"
