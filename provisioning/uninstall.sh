#!/bin/bash
# Undoes install.sh: the console, its units, nginx site, sudoers, helper, firewall chains and managed
# files go (copied first to /var/backups/miniman/<time>-uninstall/, with the console's data). Packages stay
# unless --purge. Usage: uninstall.sh [--yes] [--purge]
set -euo pipefail
umask 022
export LC_ALL=C DEBIAN_FRONTEND=noninteractive

HERE="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
readonly HERE
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$HERE/lib.sh"

assume_yes=no purge=no
while [[ $# -gt 0 ]]; do
    case "$1" in
        --yes) assume_yes=yes ;;
        --purge) purge=yes ;;
        -h | --help) sed -n '2,4p' "$0"; exit 0 ;;
        *) mm_die "unknown option: $1 (see --help)" ;;
    esac
    shift
done
[[ $EUID -eq 0 ]] || mm_die "run it as root"
if [[ "$assume_yes" == no ]]; then
    [[ -t 0 ]] || mm_die "no terminal to ask on: pass --yes"
    read -r -p "Remove Mini Manager from this box$([[ $purge == yes ]] && echo ' and purge its packages')? [y/N] " answer
    [[ "$answer" == [yY]* ]] || mm_die "not confirmed: nothing was changed"
fi

trap mm_on_error ERR
mm_step "stop and remove the units"
for unit in miniman miniman-firewall; do
    if [[ -e "/etc/systemd/system/$unit.service" ]]; then
        systemctl disable --now --quiet "$unit.service" || true
        mm_backup "/etc/systemd/system/$unit.service" -uninstall
        rm -f -- "/etc/systemd/system/$unit.service"
        mm_changed "removed $unit.service"
    fi
done
systemctl stop --quiet miniman-update-watchdog.timer 2>/dev/null || true
rm -f -- /etc/systemd/system/miniman-update-watchdog.service /etc/systemd/system/miniman-update-watchdog.timer \
    /usr/local/sbin/miniman-update /usr/local/sbin/miniman-record-archive
systemctl daemon-reload
if [[ -e "$MM_CONF_DIR/masked-wait-online" ]]; then
    systemctl unmask --quiet systemd-networkd-wait-online.service
    mm_changed "unmasked systemd-networkd-wait-online"
fi

mm_step "remove the firewall chains"
for spec in "iptables filter INPUT MINIMAN-INPUT" "iptables filter FORWARD MINIMAN-FWD" \
    "iptables nat PREROUTING MINIMAN-PREROUTING" "iptables nat POSTROUTING MINIMAN-POSTROUTING" \
    "ip6tables filter INPUT MINIMAN-INPUT"; do
    read -r tool table chain target <<< "$spec"
    command -v "$tool" >/dev/null || continue
    while "$tool" -w -t "$table" -D "$chain" -j "$target" 2>/dev/null; do :; done
    if "$tool" -w -t "$table" -F "$target" 2>/dev/null; then
        "$tool" -w -t "$table" -X "$target"
        mm_changed "$tool: removed $target"
    fi
done

mm_step "remove the managed files, the nginx site, sudoers, the helper"
if [[ -x "$MM_HELPER" ]]; then
    mapfile -t managed < <("$MM_HELPER" paths)
else
    mapfile -t managed < <("$HERE/miniman-helper" paths)
fi
for path in "${managed[@]}" /etc/nginx/sites-enabled/miniman /etc/nginx/sites-available/miniman \
    /etc/nginx/snippets/miniman-proxy.conf "$MM_TLS_DROPIN" \
    /etc/sudoers.d/miniman /etc/systemd/system/dnsmasq.service.d/miniman.conf "$MM_HELPER" /usr/local/bin/system-reset /usr/local/lib/miniman/lib.sh; do
    if [[ -e "$path" || -L "$path" ]]; then
        mm_backup "$path" -uninstall
        rm -f -- "$path"
        mm_changed "removed $path"
    fi
done
if [[ -e /etc/nginx/sites-available/default && ! -e /etc/nginx/sites-enabled/default ]]; then
    ln -s /etc/nginx/sites-available/default /etc/nginx/sites-enabled/default
    mm_changed "enabled nginx's default site again"
fi
if systemctl is-active --quiet nginx; then
    systemctl reload nginx
fi

mm_step "remove $MM_PREFIX, $MM_CONF_DIR and the user miniman"
if [[ -d "$MM_PREFIX" ]]; then
    mm_backup "$MM_DATA" -uninstall
    rm -rf -- "$MM_PREFIX"
    mm_changed "removed $MM_PREFIX"
fi
if [[ -d "$MM_CONF_DIR" ]]; then
    mm_backup "$MM_CONF_DIR" -uninstall
    rm -rf -- "$MM_CONF_DIR" /usr/local/lib/miniman
    mm_changed "removed $MM_CONF_DIR"
fi
if id miniman >/dev/null 2>&1; then
    userdel miniman
    mm_changed "removed the user miniman"
fi

if [[ "$purge" == yes ]]; then
    mm_step "purge the packages install.sh added"
    apt-get purge -y -qq hostapd dnsmasq nginx-light nginx docker.io docker-compose docker-compose-v2 iw >/dev/null 2>&1 || true
    apt-get autoremove -y -qq >/dev/null
    mm_changed "purged hostapd, dnsmasq, nginx, docker.io, docker-compose, iw"
fi
trap - ERR
echo "Removed (${MM_CHANGES} changes).${MM_BACKUP_DIR:+ Copies are in $MM_BACKUP_DIR.}"
