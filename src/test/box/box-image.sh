#!/bin/bash
# Builds the Docker image of a bare Debian 12 box (systemd as PID 1, real apt) for BoxSimulationIT,
# once: the debootstrap root is cached as a tarball under CACHE (default /var/cache/miniman-box) and
# the image is only re-imported when it is missing. Usage: box-image.sh IMAGE [CACHE]
set -euo pipefail

image="$1"
cache="${2:-/var/cache/miniman-box}"
tarball="$cache/bookworm-minbase.tar"

if docker image inspect "$image" >/dev/null 2>&1; then
    echo "box-image: $image present"
    exit 0
fi

# the mirror this machine's own apt uses: the only Debian mirror the network here may reach
mirror="$(sed -n 's/^URIs:[[:space:]]*\(http[^[:space:]]*\/debian\)[[:space:]]*$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)"
mirror="${mirror:-http://deb.debian.org/debian}"

if [[ ! -s "$tarball" ]]; then
    command -v debootstrap >/dev/null || { echo "box-image: debootstrap is missing (apt-get install debootstrap)" >&2; exit 3; }
    mkdir -p "$cache"
    rootfs="$(mktemp -d "$cache/rootfs.XXXXXX")"
    trap 'rm -rf -- "$rootfs"' EXIT
    echo "box-image: debootstrap bookworm from $mirror"
    debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus,iproute2,ca-certificates \
        bookworm "$rootfs" "$mirror" >"$cache/debootstrap.log" 2>&1 \
        || { tail -n 30 "$cache/debootstrap.log" >&2; exit 1; }
    # a real box also follows the point releases and the security archive
    security="${mirror%/debian}/debian-security"
    cat >"$rootfs/etc/apt/sources.list" <<LIST
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
LIST
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    tar -C "$rootfs" -cf "$tarball.tmp" .
    mv -f "$tarball.tmp" "$tarball"
fi
docker import -c 'CMD ["/sbin/init"]' -c 'ENV container=docker' "$tarball" "$image" >/dev/null
echo "box-image: imported $image from $tarball"
