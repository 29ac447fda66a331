# Shared by install.sh, system-reset and uninstall.sh (sourced, not run). install.sh copies it to
# /usr/local/lib/miniman/lib.sh, where the installed system-reset finds it.
# shellcheck shell=bash disable=SC2034 # the constants are used by the scripts that source this file

readonly MM_PREFIX=/opt/miniman
readonly MM_APP=$MM_PREFIX/app
readonly MM_DATA=$MM_PREFIX/data
readonly MM_STACKS=$MM_PREFIX/stacks
readonly MM_JVM_OPTIONS=$MM_PREFIX/jvm.options
readonly MM_CONF_DIR=/etc/miniman
# what install was asked for, so that system-reset renders the same files a fresh install did
readonly MM_PROVISION_CONF=$MM_CONF_DIR/provision.conf
readonly MM_PASSPHRASE_FILE=$MM_CONF_DIR/wifi-passphrase
readonly MM_HELPER=/usr/local/sbin/miniman-helper
readonly MM_TLS_DIR=$MM_CONF_DIR/tls
readonly MM_TLS_DROPIN=/etc/systemd/system/miniman.service.d/tls.conf
readonly MM_BACKUPS=/var/backups/miniman

MM_CHANGES=0
MM_STEP=""
MM_BACKUP_DIR=""
# the managed files the last mm_render_managed_files replaced
MM_CHANGED_FILES=()

mm_step() {
    MM_STEP="$1"
    # the seconds since the script started: where an install spends its time
    echo "==> $1 (${SECONDS}s)"
}

mm_say() {
    echo "    $*"
}

mm_changed() {
    MM_CHANGES=$((MM_CHANGES + 1))
    echo "    changed: $*"
}

mm_die() {
    echo "${0##*/}: $*" >&2
    exit 1
}

# Names the step that failed: re-running the script completes the job, as finished steps are skipped.
mm_on_error() {
    local status=$?
    echo "${0##*/}: step '${MM_STEP:-start}' failed (exit $status). Fix the cause and run it again;" \
        "what is already done is kept." >&2
    exit "$status"
}

# One folder per run for everything replaced or removed: /var/backups/miniman/<time>[-what]/<path>.
mm_backup() {
    local path="$1" suffix="${2:-}"
    [[ -e "$path" || -L "$path" ]] || return 0
    if [[ -z "$MM_BACKUP_DIR" ]]; then
        MM_BACKUP_DIR="$MM_BACKUPS/$(date -u +%Y%m%dT%H%M%SZ)$suffix"
        install -d -m 0700 "$MM_BACKUP_DIR"
    fi
    mkdir -p -- "$MM_BACKUP_DIR$(dirname -- "$path")"
    cp -a -- "$path" "$MM_BACKUP_DIR$path"
}

# Puts SRC at DEST with MODE (and root ownership) unless it is already there byte for byte; a file that
# differs is backed up first. Written beside DEST and renamed, so a reader never sees half a file.
# Returns 1 when nothing changed.
mm_put() {
    local src="$1" dest="$2" mode="$3" tmp
    if [[ -f "$dest" && ! -L "$dest" ]] && cmp -s -- "$src" "$dest" \
        && [[ "$(stat -c '%a %U' -- "$dest")" == "$mode root" ]]; then
        return 1
    fi
    mm_backup "$dest"
    mkdir -p -- "$(dirname -- "$dest")"
    tmp="$(mktemp -- "$(dirname -- "$dest")/.miniman.XXXXXX")"
    cp -- "$src" "$tmp"
    chmod "$mode" -- "$tmp"
    chown root:root -- "$tmp"
    mv -f -- "$tmp" "$dest"
    mm_changed "$dest"
}

# The access point files, rendered by the console itself from its database (seeded with what install
# was asked for) into a scratch root, then put in place where they differ (listed in MM_CHANGED_FILES).
mm_render_managed_files() {
    local stage path mode SSID COUNTRY WIFI_IFACE UPLINK_IFACE SSH_FROM_UPLINK
    # written by install.sh with printf %q: sourcing it cannot run anything
    # shellcheck source=/dev/null
    source "$MM_PROVISION_CONF"
    MM_CHANGED_FILES=()
    stage="$(mktemp -d)"
    local -a seed=(--ssid "$SSID" --passphrase-file "$MM_PASSPHRASE_FILE" --country "$COUNTRY"
        --wifi-iface "$WIFI_IFACE")
    [[ -z "$UPLINK_IFACE" ]] || seed+=(--uplink-iface "$UPLINK_IFACE")
    [[ "$SSH_FROM_UPLINK" != yes ]] || seed+=(--ssh-from-uplink)
    # the console records what it rendered at its host root, to tell hand edits later: render "at" the stage
    env MINIMAN_DATA_DIR="$MM_DATA" MINIMAN_HOST_ROOT="$stage" \
        java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
        -jar "$MM_APP/miniman.jar" render --root "$stage" "${seed[@]}" | sed '/^wrote /d; s/^/    render: /'
    chown -R miniman:miniman -- "$MM_DATA"
    while IFS= read -r path; do
        mode="$(stat -c %a -- "$stage$path")"
        if mm_put "$stage$path" "$path" "$mode"; then
            MM_CHANGED_FILES+=("$path")
        fi
    done < <("$MM_HELPER" paths)
    rm -rf -- "$stage"
}

mm_unit_enabled() {
    [[ "$(systemctl is-enabled "$1" 2>/dev/null || true)" == enabled ]]
}

mm_enable() {
    local unit
    for unit in "$@"; do
        if ! mm_unit_enabled "$unit"; then
            systemctl enable --quiet "$unit"
            mm_changed "enabled $unit"
        fi
    done
}

# Waits for the console's health check; prints the seconds it took.
mm_wait_for_console() {
    local started=$SECONDS
    for _ in $(seq 1 300); do
        if curl -fsS --max-time 2 http://127.0.0.1:8000/health >/dev/null 2>&1; then
            echo $((SECONDS - started))
            return 0
        fi
        sleep 1
    done
    return 1
}
