#!/bin/bash
# Turns a fresh Debian 12/13 (or Raspberry Pi OS) box into the miniman WiFi access point with its console
# behind nginx. Run as root from a checkout of the repository:
#   sudo provisioning/install.sh --jar target/miniman.jar [--ssid NAME] [--passphrase TEXT] ...
# Idempotent: a second run changes nothing and says so. --help lists the options.
set -euo pipefail
umask 022
export LC_ALL=C DEBIAN_FRONTEND=noninteractive

HERE="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
readonly HERE
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$HERE/lib.sh"

readonly MIN_RAM_KB=$((880 * 1024))   # a "1 GB" board reports about 900 MiB after the firmware's share
readonly MIN_DISK_KB=$((7 * 1024 * 1024))   # an "8 GB" card is about 7.3 GiB
readonly MIN_FREE_KB=$((1024 * 1024))

usage() {
    cat <<'EOF'
Usage: install.sh --jar PATH [options]
  --jar PATH            the console's jar (build it with: ./mvnw package -DskipTests; it is target/miniman.jar)
  --ssid NAME           WiFi name (default: miniman)
  --passphrase TEXT     WiFi passphrase, 8-63 characters (default: generated and printed once at the end)
  --country CC          regulatory country of the radio (default: DE)
  --wifi-iface IFACE    the radio that becomes the access point (default: wlan0)
  --uplink-iface IFACE  the way out (default: the interface of the default route)
  --ssh-from-uplink     keep SSH open from the uplink side (default: SSH only from the WiFi)
  --tls                 https on port 443 with a self-signed certificate made here; port 80 redirects to it
  --no-wifi-check       do not require the radio now (it may come later); hostapd starts once it is there
  --dry-run             print the plan and the files it would write; change nothing
  --yes                 do not ask before changing the box
EOF
}

ssid=miniman passphrase="" country=DE wifi_iface=wlan0 uplink_iface="" uplink_given=no jar=""
ssh_from_uplink=no tls=no wifi_check=yes dry_run=no assume_yes=no wifi_given=no restart_console=no
while [[ $# -gt 0 ]]; do
    case "$1" in
        --ssid) ssid="${2?--ssid needs a value}"; wifi_given=yes; shift 2 ;;
        --passphrase) passphrase="${2?--passphrase needs a value}"; wifi_given=yes; shift 2 ;;
        --country) country="${2?--country needs a value}"; wifi_given=yes; shift 2 ;;
        --wifi-iface) wifi_iface="${2?--wifi-iface needs a value}"; shift 2 ;;
        --uplink-iface) uplink_iface="${2?--uplink-iface needs a value}"; uplink_given=yes; shift 2 ;;
        --jar) jar="${2?--jar needs a value}"; shift 2 ;;
        --ssh-from-uplink) ssh_from_uplink=yes; shift ;;
        --tls) tls=yes; shift ;;
        --no-wifi-check) wifi_check=no; shift ;;
        --dry-run) dry_run=yes; shift ;;
        --yes) assume_yes=yes; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; mm_die "unknown option: $1" ;;
    esac
done

# ---- refusals: all of them before anything changes ----
refuse() {
    echo "install.sh: refused: $*" >&2
    echo "install.sh: nothing was changed." >&2
    exit 2
}

[[ $EUID -eq 0 ]] || refuse "run it as root (sudo $0 ...)"
[[ -n "$jar" ]] || refuse "--jar PATH is required: build the console with ./mvnw package -DskipTests, then pass --jar target/miniman.jar"
[[ -f "$jar" ]] || refuse "no jar at $jar"
jar="$(realpath -- "$jar")"

os_id="$(. /etc/os-release && echo "${ID:-}")"
os_version="$(. /etc/os-release && echo "${VERSION_ID:-}")"
case "$os_id:$os_version" in
    debian:12 | raspbian:12) java_package=openjdk-17-jre-headless nginx_package=nginx-light ;;
    # Debian 13 folded nginx-light into nginx
    debian:13 | raspbian:13) java_package=openjdk-21-jre-headless nginx_package=nginx ;;
    *) refuse "this is $(. /etc/os-release && echo "${PRETTY_NAME:-an unknown system}"); supported: Debian 12 or 13, Raspberry Pi OS 12 or 13" ;;
esac

ram_kb="$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)"
(( ram_kb >= MIN_RAM_KB )) || refuse "$((ram_kb / 1024)) MiB of RAM; the console needs a 1 GB box"
read -r disk_kb free_kb < <(df -Pk / | awk 'NR == 2 {print $2, $4}')
(( disk_kb >= MIN_DISK_KB )) || refuse "the root file system has $((disk_kb / 1024 / 1024)) GiB; 8 GB are needed"
(( free_kb >= MIN_FREE_KB )) || refuse "only $((free_kb / 1024)) MiB free on /; at least 1 GiB is needed"

[[ "$wifi_iface" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}$ ]] || refuse "not an interface name: $wifi_iface"
if [[ "$uplink_given" == no ]]; then
    uplink_iface="$(ip -o route show default 2>/dev/null | awk '{for (i = 1; i < NF; i++) if ($i == "dev") {print $(i + 1); exit}}')"
fi
[[ -z "$uplink_iface" || "$uplink_iface" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}$ ]] || refuse "not an interface name: $uplink_iface"
[[ "$uplink_iface" != "$wifi_iface" ]] || refuse "the uplink $uplink_iface cannot also be the WiFi interface"
if [[ "$wifi_check" == yes ]]; then
    [[ -e "/sys/class/net/$wifi_iface" ]] || refuse "there is no interface $wifi_iface (see: ip link; or --wifi-iface, or --no-wifi-check if the radio comes later)"
    command -v iw >/dev/null || refuse "iw is needed to check that $wifi_iface can be an access point: apt-get install iw (or --no-wifi-check)"
    phy="$(iw dev "$wifi_iface" info 2>/dev/null | awk '/wiphy/ {print "phy" $2}')"
    [[ -n "$phy" ]] || refuse "$wifi_iface is not a WiFi interface (iw dev $wifi_iface info)"
    iw phy "$phy" info | sed -n '/Supported interface modes/,/^\t[^\t]/p' | grep -qE '^[[:space:]]+\* AP$' \
        || refuse "$wifi_iface cannot be an access point (iw phy $phy info lists no AP mode)"
fi

if [[ -e "$MM_PROVISION_CONF" ]]; then
    # already provisioned: the WiFi settings live in the console's database now
    [[ "$wifi_given" == no ]] || echo "note: this box is already provisioned; --ssid, --passphrase and --country are ignored (change the WiFi in the console)"
else
    if (( ${#ssid} < 1 || ${#ssid} > 32 )) || [[ "$ssid" =~ [[:cntrl:]] ]]; then
        refuse "the SSID must be 1-32 bytes without control characters"
    fi
    [[ "$country" =~ ^[A-Z]{2}$ ]] || refuse "the country must be two capital letters (e.g. DE, FR, US)"
    if [[ -n "$passphrase" ]]; then
        (( ${#passphrase} >= 8 && ${#passphrase} <= 63 )) || refuse "the passphrase must have 8-63 characters"
        [[ "$passphrase" =~ ^[[:print:]]+$ ]] || refuse "the passphrase must be printable ASCII"
    fi
fi

packages=(hostapd dnsmasq iptables "$nginx_package" "$java_package" docker.io iw rfkill sudo curl ca-certificates)
missing=()
for p in "${packages[@]}" docker-compose; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# ---- the plan ----
echo "Mini Manager install on $(hostname) ($os_id $os_version)"
echo "  WiFi            $wifi_iface, SSID '$ssid', country $country$([[ $wifi_check == no ]] && echo ' (radio not checked)')"
echo "  uplink          ${uplink_iface:-any other interface}"
echo "  packages        ${missing[*]:-all present}"
echo "  user            miniman (no shell, group docker)"
echo "  console         $MM_APP (extracted from $jar), data in $MM_DATA, stacks in $MM_STACKS"
echo "  files           /etc/systemd/system/miniman.service, miniman-firewall.service, /etc/nginx/sites-available/miniman,"
echo "                  /etc/nginx/snippets/miniman-proxy.conf,"
echo "                  /etc/sudoers.d/miniman, $MM_HELPER, /usr/local/bin/system-reset, $MM_CONF_DIR/,"
echo "                  and the access point files: $("$HERE/miniman-helper" paths | tr '\n' ' ')"
if [[ "$tls" == yes ]]; then
    echo "  https           nginx on 443 with a self-signed certificate in $MM_TLS_DIR, port 80 redirects; session cookie Secure"
fi
echo "  firewall        console and SSH$([[ $ssh_from_uplink == yes ]] && echo ' (SSH: also from the uplink)') from the WiFi only; loaded at boot"
echo "  replaced files are first copied to $MM_BACKUPS/<time>/"
if [[ "$dry_run" == yes ]]; then
    echo "Dry run: nothing was changed."
    exit 0
fi
if [[ "$assume_yes" == no ]]; then
    [[ -t 0 ]] || refuse "no terminal to ask on: pass --yes"
    read -r -p "Change this box as above? [y/N] " answer
    [[ "$answer" == [yY]* ]] || refuse "not confirmed"
fi

trap mm_on_error ERR
started=$SECONDS

# ---- packages ----
mm_step "packages"
if [[ ${#missing[@]} -gt 0 ]]; then
    apt-get update -qq
    # Compose: the v2 plugin where the OS has it, else Debian 12's docker-compose (v1)
    compose=docker-compose
    if apt-cache show docker-compose-v2 >/dev/null 2>&1; then compose=docker-compose-v2; fi
    apt-get install -y -qq --no-install-recommends "${packages[@]}" "$compose" >/dev/null
    mm_changed "installed ${missing[*]}"
else
    mm_say "all present"
fi
if [[ -e /dev/rfkill ]]; then
    rfkill unblock wifi
else
    mm_say "no rfkill device here: nothing to unblock"
fi

# ---- user and folders ----
mm_step "user miniman and $MM_PREFIX"
if ! id miniman >/dev/null 2>&1; then
    useradd --system --user-group --home-dir "$MM_PREFIX" --no-create-home --shell /usr/sbin/nologin miniman
    mm_changed "created user miniman"
fi
if ! id -nG miniman | tr ' ' '\n' | grep -qx docker; then
    usermod -aG docker miniman
    mm_changed "miniman joined group docker"
fi
# extensions: read by the console, never writable by it (code on its own class path)
for spec in "$MM_PREFIX:0755:root" "$MM_DATA:0700:miniman" "$MM_STACKS:0750:miniman" "$MM_CONF_DIR:0700:root" \
        "$MM_PREFIX/extensions:0755:root"; do
    IFS=: read -r dir mode owner <<< "$spec"
    if [[ "$(stat -c '%a %U' -- "$dir" 2>/dev/null)" != "${mode#0} $owner" ]]; then
        install -d -m "$mode" -o "$owner" -g "$owner" -- "$dir"
        mm_changed "$dir"
    fi
done

# ---- the console ----
mm_step "console application"
jar_sum="$(sha256sum -- "$jar" | cut -d ' ' -f 1)"
if [[ "$(cat "$MM_PREFIX/app.sha256" 2>/dev/null)" != "$jar_sum" || ! -f "$MM_APP/miniman.jar" ]]; then
    rm -rf -- "$MM_APP.new" "$MM_APP.old"
    java -Djarmode=tools -jar "$jar" extract --destination "$MM_APP.new" >/dev/null
    # resources stored, not deflated: 2 MB less private memory (the console's StoredResources says why)
    java -cp "$MM_APP.new/miniman.jar" io.miniman.update.StoredResources "$MM_APP.new/lib" >/dev/null
    # the version a console update names as the one it replaces (miniman-update reads app/version)
    java -jar "$jar" --version | sed -n 's/^miniman //p' > "$MM_APP.new/version"
    # a running console keeps its open jar: the swap is safe, and it restarts below
    [[ ! -d "$MM_APP" ]] || mv -- "$MM_APP" "$MM_APP.old"
    mv -- "$MM_APP.new" "$MM_APP"
    rm -rf -- "$MM_APP.old"
    # in a scratch folder under $MM_PREFIX, as /tmp may be noexec
    scratch="$(mktemp -d -p "$MM_PREFIX" .cds.XXXXXX)"
    "$HERE/record-archive" "$HERE/jvm.options" "$MM_APP/miniman.jar" "$MM_PREFIX/app.jsa" "$scratch"
    rm -rf -- "$scratch"
    echo "$jar_sum" > "$MM_PREFIX/app.sha256"
    restart_console=yes
    mm_changed "$MM_APP from $jar, class-data archive $MM_PREFIX/app.jsa"
fi
options="$(mktemp)"
{ cat "$HERE/jvm.options"; echo "-XX:SharedArchiveFile=$MM_PREFIX/app.jsa"; } > "$options"
mm_put "$options" "$MM_JVM_OPTIONS" 644 && restart_console=yes
rm -f -- "$options"

# ---- root helper, system-reset, sudoers ----
mm_step "root helper and sudoers"
mm_put "$HERE/miniman-helper" "$MM_HELPER" 755 || true
mm_put "$HERE/system-reset" /usr/local/bin/system-reset 755 || true
# console updates from an upload: the swap and its watchdog (started by the helper, never enabled)
mm_put "$HERE/miniman-update" /usr/local/sbin/miniman-update 755 || true
mm_put "$HERE/record-archive" /usr/local/sbin/miniman-record-archive 755 || true
for unit in miniman-update-watchdog.service miniman-update-watchdog.timer; do
    mm_put "$HERE/systemd/$unit" "/etc/systemd/system/$unit" 644 && systemctl daemon-reload
done
mm_put "$HERE/lib.sh" /usr/local/lib/miniman/lib.sh 644 || true
visudo -cqf "$HERE/sudoers" || mm_die "visudo refuses $HERE/sudoers"
mm_put "$HERE/sudoers" /etc/sudoers.d/miniman 440 || true

# ---- access point files, rendered by the console ----
mm_step "access point files"
if [[ ! -e "$MM_PROVISION_CONF" ]]; then
    if [[ -z "$passphrase" ]]; then
        # as the console's own InitialPassphrase: no look-alike characters, read off a screen and typed on a
        # phone; 32 letters divide 256, so a byte modulo 32 picks each one without bias
        alphabet=abcdefghijkmnpqrstuvwxyz23456789
        for byte in $(od -An -N12 -tu1 /dev/urandom); do
            passphrase+="${alphabet:byte % 32:1}"
        done
        passphrase="${passphrase:0:4}-${passphrase:4:4}-${passphrase:8:4}"
    fi
    conf="$(mktemp "$MM_CONF_DIR/.provision.XXXXXX")"
    {
        echo "# What install.sh was asked for; system-reset renders the same files from it."
        printf 'SSID=%q\nCOUNTRY=%q\nWIFI_IFACE=%q\nUPLINK_IFACE=%q\nSSH_FROM_UPLINK=%q\n' \
            "$ssid" "$country" "$wifi_iface" "$uplink_iface" "$ssh_from_uplink"
    } > "$conf"
    printf '%s\n' "$passphrase" > "$MM_PASSPHRASE_FILE.tmp"
    chmod 600 -- "$conf" "$MM_PASSPHRASE_FILE.tmp"
    mv -f -- "$MM_PASSPHRASE_FILE.tmp" "$MM_PASSPHRASE_FILE"
    mv -f -- "$conf" "$MM_PROVISION_CONF"
    mm_changed "$MM_PROVISION_CONF"
fi
mm_render_managed_files
changed_files=("${MM_CHANGED_FILES[@]}")
changed() {
    local path
    for path in "${changed_files[@]}"; do
        [[ "$path" != "$1"* ]] || return 0
    done
    return 1
}

# ---- system services ----
mm_step "network, DNS and DHCP"
# systemd-networkd brings up the LAN address on the WiFi interface
mm_enable systemd-networkd
if changed /etc/systemd/network/ || ! systemctl is-active --quiet systemd-networkd; then
    systemctl restart systemd-networkd
fi
# The trap: enabling networkd enables its wait-online too. When networkd manages no link that is required
# for online (ours says RequiredForOnline=no; the uplink is ifupdown's or NetworkManager's), it waits two
# minutes at every boot and holds everything ordered after network-online.target. So it is masked here,
# unless the admin (or netplan, in /run) has networkd manage another link, whose owner then wants it.
# /usr/lib's .network files are the vendor's templates for containers and ad-hoc WiFi, not such a link.
others="$(find /etc/systemd/network /run/systemd/network -maxdepth 1 -name '*.network' \
    ! -name '10-miniman-lan.network' 2>/dev/null | head -n 1 || true)"
if [[ -z "$others" && "$(systemctl is-enabled systemd-networkd-wait-online.service 2>/dev/null || true)" != masked ]]; then
    systemctl mask --quiet systemd-networkd-wait-online.service
    touch "$MM_CONF_DIR/masked-wait-online"
    mm_changed "masked systemd-networkd-wait-online (networkd manages only $wifi_iface, not required for online)"
fi
if changed /etc/sysctl.d/; then
    /usr/lib/systemd/systemd-sysctl /etc/sysctl.d/90-miniman-forwarding.conf
fi
if systemctl cat systemd-resolved.service >/dev/null 2>&1; then
    # the stub listener on port 53 is off (rendered drop-in): resolv.conf must name real servers
    changed /etc/systemd/resolved.conf.d/ && systemctl restart systemd-resolved
    if [[ "$(readlink /etc/resolv.conf || true)" != /run/systemd/resolve/resolv.conf ]]; then
        mm_backup /etc/resolv.conf
        ln -sfn /run/systemd/resolve/resolv.conf /etc/resolv.conf
        mm_changed "/etc/resolv.conf points at systemd-resolved's upstream servers"
    fi
fi
mm_put "$HERE/systemd/dnsmasq-miniman.conf" /etc/systemd/system/dnsmasq.service.d/miniman.conf 644 \
    && systemctl daemon-reload
mm_enable dnsmasq
if changed /etc/dnsmasq.d/ || ! systemctl is-active --quiet dnsmasq; then
    if [[ -e "/sys/class/net/$wifi_iface" ]]; then
        systemctl restart dnsmasq
    else
        # it binds to the WiFi interface, which is not there yet
        systemctl restart dnsmasq || mm_say "dnsmasq waits for $wifi_iface: it starts at the next boot with the radio"
    fi
fi
if [[ "$(systemctl is-enabled hostapd 2>/dev/null || true)" == masked ]]; then
    systemctl unmask --quiet hostapd
    mm_changed "unmasked hostapd"
fi
mm_enable hostapd
if changed /etc/hostapd/ || ! systemctl is-active --quiet hostapd; then
    systemctl restart hostapd || mm_say "hostapd did not start (no radio yet?): it starts with the radio or at the next boot; see journalctl -u hostapd"
fi

mm_step "firewall"
mm_put "$HERE/systemd/miniman-firewall.service" /etc/systemd/system/miniman-firewall.service 644 && systemctl daemon-reload
mm_enable miniman-firewall.service
if changed /etc/iptables/ || ! systemctl is-active --quiet miniman-firewall; then
    systemctl restart miniman-firewall
fi

mm_step "nginx in front of the console"
reload_nginx=no
site_source="$HERE/nginx/miniman"
if [[ "$tls" == yes ]]; then
    site_source="$HERE/nginx/miniman-tls"
    if [[ ! -s "$MM_TLS_DIR/miniman.crt" || ! -s "$MM_TLS_DIR/miniman.key" ]]; then
        install -d -m 0755 "$MM_TLS_DIR"
        # the key is written 0600 from the start; nginx reads it as root before dropping privileges
        (umask 077 && openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=$(hostname)" \
            -addext "subjectAltName=IP:192.168.50.1,DNS:$(hostname)" \
            -keyout "$MM_TLS_DIR/miniman.key" -out "$MM_TLS_DIR/miniman.crt" 2>/dev/null)
        chmod 0644 -- "$MM_TLS_DIR/miniman.crt"
        reload_nginx=yes
        mm_changed "self-signed certificate $MM_TLS_DIR/miniman.crt ($(openssl x509 -noout -fingerprint -sha256 \
            -in "$MM_TLS_DIR/miniman.crt" | sed 's/^.*=//'))"
    fi
fi
site="$(mktemp)"
if [[ "$(cat /proc/sys/net/ipv6/conf/all/disable_ipv6 2>/dev/null || echo 1)" == 0 ]]; then
    cp -- "$site_source" "$site"
else
    # nginx refuses to start on a [::] listener where the kernel has IPv6 off
    grep -v 'listen \[::\]' "$site_source" > "$site"
fi
mm_put "$HERE/nginx/miniman-proxy.conf" /etc/nginx/snippets/miniman-proxy.conf 644 && reload_nginx=yes
mm_put "$site" /etc/nginx/sites-available/miniman 644 && reload_nginx=yes
rm -f -- "$site"
if [[ "$(readlink /etc/nginx/sites-enabled/miniman || true)" != /etc/nginx/sites-available/miniman ]]; then
    ln -sfn /etc/nginx/sites-available/miniman /etc/nginx/sites-enabled/miniman
    reload_nginx=yes
    mm_changed "enabled the nginx site miniman"
fi
if [[ -e /etc/nginx/sites-enabled/default || -L /etc/nginx/sites-enabled/default ]]; then
    mm_backup /etc/nginx/sites-enabled/default
    rm -f -- /etc/nginx/sites-enabled/default
    reload_nginx=yes
    mm_changed "disabled nginx's default site"
fi
nginx -t -q
mm_enable nginx
if [[ "$reload_nginx" == yes ]] || ! systemctl is-active --quiet nginx; then
    systemctl restart nginx
fi

mm_step "console service"
mm_put "$HERE/systemd/miniman.service" /etc/systemd/system/miniman.service 644 && { systemctl daemon-reload; restart_console=yes; }
if [[ "$tls" == yes ]]; then
    mm_put "$HERE/systemd/miniman-tls.conf" "$MM_TLS_DROPIN" 644 && { systemctl daemon-reload; restart_console=yes; }
elif [[ -e "$MM_TLS_DROPIN" ]]; then
    mm_backup "$MM_TLS_DROPIN"
    rm -f -- "$MM_TLS_DROPIN"
    systemctl daemon-reload
    restart_console=yes
    mm_changed "removed $MM_TLS_DROPIN (no --tls: the session cookie travels over http)"
fi
mm_enable miniman.service
if [[ "${restart_console:-no}" == yes ]] || ! systemctl is-active --quiet miniman; then
    systemctl restart miniman
    ready="$(mm_wait_for_console)" || { journalctl -u miniman -n 30 --no-pager >&2 || true; mm_die "the console did not answer on http://127.0.0.1:8000/health"; }
    mm_say "console ready after ${ready}s"
else
    mm_wait_for_console >/dev/null || mm_die "the console does not answer on http://127.0.0.1:8000/health"
fi

# ---- done ----
trap - ERR
# shellcheck source=/dev/null
source "$MM_PROVISION_CONF"
echo
if (( MM_CHANGES == 0 )); then
    echo "Nothing changed: the box was already as this script makes it ($((SECONDS - started))s)."
else
    echo "Done: $MM_CHANGES changes in $((SECONDS - started))s.${MM_BACKUP_DIR:+ Replaced files are in $MM_BACKUP_DIR.}"
fi
echo "  WiFi        $SSID, passphrase: $(cat "$MM_PASSPHRASE_FILE") (kept in $MM_PASSPHRASE_FILE, root only)"
if [[ "$tls" == yes ]]; then
    echo "  console     https://192.168.50.1 (from the WiFi; the certificate is self-signed: compare its fingerprint"
    echo "              with: openssl x509 -noout -fingerprint -sha256 -in $MM_TLS_DIR/miniman.crt)"
else
    echo "  console     http://192.168.50.1 (from the WiFi)"
fi
echo "  first login admin, password in $MM_DATA/initial-admin-password (sudo cat it; the first login changes it)"
