#!/usr/bin/env bash
# Provides a Docker engine and a PostgreSQL 15 image for the Docker provider tests, on a machine
# with no registry and no bridge networking:
#   1. installs Debian's docker.io (dockerd, containerd, runc, the CLI) when dockerd is missing,
#      postgresql-15 when its server binaries are missing (the image is built from them), and
#      docker-registry (optional: a registry on 127.0.0.1 for the image pull test);
#   2. starts dockerd without iptables or a bridge, on vfs, with its own data/exec roots and socket
#      under /tmp/cc-dev-docker (the same engine test/helpers/docker-engine.ts starts and reuses);
#   3. builds cc-dev/postgres:15-local with test/fixtures/postgres-image/build-image.sh.
# Prints only `export ...` lines on stdout (eval them); progress and problems go to stderr.
# Never fails: when no engine can be had it exports CC_DEV_DOCKER_UNAVAILABLE with the reason,
# and the Docker tests are reported as skipped with it.
set -u
cd "$(dirname "$0")/.."

dir=/tmp/cc-dev-docker
socket="$dir/docker.sock"
image=cc-dev/postgres:15-local
log() { printf '[docker-ci] %s\n' "$*" >&2; }
unavailable() {
	log "Docker tests will be skipped: $1"
	printf "export CC_DEV_DOCKER_UNAVAILABLE=%q\n" "$1"
	exit 0
}
started=$(date +%s)
export PATH="$PATH:/usr/sbin:/sbin"

apt_updated=no
apt_install() {
	if [ "$apt_updated" = no ]; then apt-get update -qq >&2 && apt_updated=yes; fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
	[ "$(id -u)" = 0 ] || unavailable "dockerd is not installed and installing it needs root"
	log "installing docker.io"
	apt_install docker.io || unavailable "apt-get install docker.io failed"
fi
if ! command -v docker-registry >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
	# Optional: a registry on 127.0.0.1 lets the tests exercise a real image pull with progress.
	apt_install docker-registry || log "could not install docker-registry: the pull test will be skipped"
fi
if [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
	log "installing postgresql-15 (the image is assembled from its binaries)"
	apt_install postgresql-15 || unavailable "apt-get install postgresql-15 failed"
fi

export DOCKER_HOST="unix://$socket"
if ! docker version >/dev/null 2>&1; then
	[ "$(id -u)" = 0 ] || unavailable "starting dockerd needs root"
	mkdir -p "$dir"
	log "starting dockerd on $socket"
	setsid dockerd --iptables=false --ip6tables=false --bridge=none --storage-driver=vfs \
		--data-root="$dir/data" --exec-root="$dir/exec" --pidfile="$dir/dockerd.pid" \
		-H "unix://$socket" >>"$dir/dockerd.log" 2>&1 </dev/null &
	for _ in $(seq 1 150); do
		docker version >/dev/null 2>&1 && break
		sleep 0.2
	done
	docker version >/dev/null 2>&1 || unavailable "dockerd did not start: $(tail -n 3 "$dir/dockerd.log" 2>/dev/null | tr '\n' ' ')"
fi

log "building $image"
sh test/fixtures/postgres-image/build-image.sh "$image" >&2 || unavailable "building the $image image failed"

log "engine and image ready in $(($(date +%s) - started)) s"
printf 'export DOCKER_HOST=%q\n' "$DOCKER_HOST"
printf 'export CC_DEV_DB_IMAGE=%q\n' "$image"
printf 'export CC_DEV_DOCKER_NETWORK=host\n'
