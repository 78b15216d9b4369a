#!/usr/bin/env bash
# Captures VRRP adverts sent by the installed keepalived (Debian 2.2.7) and writes them as
# hex fixtures for the codec tests (see ../resources/captured/README.md).
#
# Lab: two network namespaces made here (lvsdcap-ka runs keepalived, lvsdcap-peer runs
# tcpdump), joined by one veth pair created inside them. Nothing touches the root
# namespace. Every step is bounded by `timeout`; the trap removes everything on exit.
#
# Usage (as root): [LVSDCAP_KEEP_PCAP=DIR] capture-keepalived.sh [OUTPUT_DIR]
# LVSDCAP_KEEP_PCAP copies the raw captures there for inspection.
set -euo pipefail

OUT=${1:-"$(cd "$(dirname "$0")/../resources/captured" && pwd)"}
NS_KA=lvsdcap-ka
NS_PEER=lvsdcap-peer
WORK=$(mktemp -d /tmp/lvsdcap.XXXXXX)
KA_RUN_SECONDS=7

if [[ $(id -u) -ne 0 ]]; then
    echo "capture-keepalived.sh: needs root (network namespaces); nothing done" >&2
    exit 2
fi
for tool in keepalived tcpdump tshark ip timeout; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done

cleanup() {
    set +e
    if [[ -f $WORK/ka.pid ]]; then kill "$(cat "$WORK/ka.pid")" 2>/dev/null; fi
    ip netns pids "$NS_KA" 2>/dev/null | xargs -r kill -9 2>/dev/null
    ip netns pids "$NS_PEER" 2>/dev/null | xargs -r kill -9 2>/dev/null
    ip netns del "$NS_KA" 2>/dev/null
    ip netns del "$NS_PEER" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

in_ka() { ip netns exec "$NS_KA" "$@"; }
in_peer() { ip netns exec "$NS_PEER" "$@"; }

setup_lab() {
    ip netns add "$NS_KA"
    ip netns add "$NS_PEER"
    for ns in "$NS_KA" "$NS_PEER"; do
        # No DAD so the link-local addresses are usable at once.
        ip netns exec "$ns" sysctl -qw net.ipv6.conf.default.accept_dad=0
        ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0
        ip netns exec "$ns" ip link set lo up
    done
    in_ka ip link add eth0 address 02:51:00:00:00:02 type veth \
        peer name eth0 address 02:51:00:00:00:03 netns "$NS_PEER"
    in_ka ip addr add 198.51.100.2/24 dev eth0
    in_ka ip addr add 2001:db8::2/64 dev eth0 nodad
    in_peer ip addr add 198.51.100.3/24 dev eth0
    in_peer ip addr add 2001:db8::3/64 dev eth0 nodad
    in_ka ip link set eth0 up
    in_peer ip link set eth0 up
}

# $1 name, $2 instance body
write_conf() {
    cat >"$WORK/$1.conf" <<CONF
global_defs {
    router_id lvsdcap
    vrrp_garp_master_delay 0
    vrrp_garp_master_repeat 1
}
vrrp_instance VI_CAP {
    interface eth0
$2
}
CONF
}

# $1 name, $2 tcpdump filter for adverts, $3 tcpdump filter for GARP/NA. Runs keepalived for
# KA_RUN_SECONDS (SIGTERM at the end, so its priority-0 advert is captured too) while two
# tcpdumps listen on the peer side.
capture() {
    local name=$1 filter=$2 announce_filter=$3
    rm -f "$WORK"/*.pid
    in_peer timeout 15 tcpdump -q -n -U -i eth0 -w "$WORK/$name.pcap" "$filter" 2>/dev/null &
    local dump=$!
    in_peer timeout 15 tcpdump -q -n -U -i eth0 -w "$WORK/$name-announce.pcap" "$announce_filter" 2>/dev/null &
    local dump_announce=$!
    sleep 1
    in_ka timeout -s TERM "$KA_RUN_SECONDS" keepalived -P -n -l -D -f "$WORK/$name.conf" \
        -p "$WORK/ka.pid" -r "$WORK/vrrp.pid" -c "$WORK/check.pid" >"$WORK/$name.log" 2>&1 || true
    sleep 1
    kill -INT "$dump" "$dump_announce" 2>/dev/null || true
    wait "$dump" "$dump_announce" 2>/dev/null || true
}

# Whole Ethernet frames, one hex line each. $1 pcap
frames_hex() {
    tcpdump -r "$1" -n -xx 2>/dev/null | awk '
        /^[^ \t]/ { if (hex != "") print hex; hex = ""; next }
        { for (i = 2; i <= NF; i++) hex = hex $i }
        END { if (hex != "") print hex }'
}

# Writes the first advert frame and the first GARP/NA frame. $1 name, $2 announce kind
extract_frames() {
    local name=$1 kind=$2 advert announce
    advert=$(frames_hex "$WORK/$name.pcap" | head -n 1)
    announce=$(frames_hex "$WORK/$name-announce.pcap" | head -n 1)
    if [[ -z $advert || -z $announce ]]; then
        echo "capture $name: no advert or $kind frame" >&2
        exit 1
    fi
    {
        echo "# Captured from keepalived $(keepalived --version 2>&1 | head -n 1 | awk '{print $2}') by capture-keepalived.sh"
        echo "# Whole Ethernet frames as seen on the peer's veth"
        echo "advert=$advert"
        echo "$kind=$announce"
    } >"$OUT/$name-frames.txt"
    echo "wrote $OUT/$name-frames.txt"
}

# Prints one line per captured packet: the hex of the IP packet (tcpdump -x starts at the
# IP header), without Ethernet padding.
ip_packets_hex() {
    tcpdump -r "$1" -n -x 2>/dev/null | awk '
        /^[^ \t]/ { if (hex != "") print hex; hex = ""; next }
        { for (i = 2; i <= NF; i++) hex = hex $i }
        END { if (hex != "") print hex }'
}

# Writes the first advert and the last one (the priority-0 advert sent on SIGTERM).
# $1 name, $2 family (inet|inet6)
extract() {
    local name=$1 family=$2 fields
    if [[ $family == inet ]]; then
        fields=(-e ip.src -e ip.dst -e ip.ttl)
    else
        fields=(-e ipv6.src -e ipv6.dst -e ipv6.hlim)
    fi
    tshark -r "$WORK/$name.pcap" -T fields -E separator=' ' "${fields[@]}" \
        >"$WORK/$name.addr" 2>/dev/null
    ip_packets_hex "$WORK/$name.pcap" >"$WORK/$name.hex"
    local count
    count=$(wc -l <"$WORK/$name.addr")
    if [[ $count -lt 2 || $count -ne $(wc -l <"$WORK/$name.hex") ]]; then
        echo "capture $name: $count adverts; keepalived log follows" >&2
        cat "$WORK/$name.log" >&2
        exit 1
    fi
    paste -d ' ' "$WORK/$name.addr" "$WORK/$name.hex" >"$WORK/$name.txt"
    if [[ -n ${LVSDCAP_KEEP_PCAP:-} ]]; then cp "$WORK/$name.pcap" "$LVSDCAP_KEEP_PCAP/"; fi
    emit "$name-advert" "$family" "$(head -n 1 "$WORK/$name.txt")"
    emit "$name-priority0" "$family" "$(tail -n 1 "$WORK/$name.txt")"
}

# Strips the IP header (IPv4: IHL words, up to tot_len; IPv6: 40 bytes, up to payload length).
# $1 family, $2 hex of the IP packet
vrrp_payload_hex() {
    local hex=$2 start len
    if [[ $1 == inet ]]; then
        start=$(( (16#${hex:1:1}) * 4 ))
        len=$(( 16#${hex:4:4} - start ))
    else
        start=40
        len=$(( 16#${hex:8:4} ))
    fi
    echo "${hex:$((start * 2)):$((len * 2))}"
}

# $1 fixture name, $2 family, $3 "src dst ttl hex"
emit() {
    local src dst ttl hex
    read -r src dst ttl hex <<<"$3"
    hex=$(vrrp_payload_hex "$2" "$hex")
    {
        echo "# Captured from keepalived $(keepalived --version 2>&1 | head -n 1 | awk '{print $2}') by capture-keepalived.sh"
        echo "family=$2"
        echo "src=$src"
        echo "dst=$dst"
        echo "ttl=$ttl"
        echo "vrrp=$hex"
    } >"$OUT/$1.txt"
    echo "wrote $OUT/$1.txt"
}

setup_lab

write_conf v2-pass-ipv4 "    state BACKUP
    virtual_router_id 51
    priority 150
    advert_int 1
    version 2
    authentication {
        auth_type PASS
        auth_pass lvsd1234
    }
    virtual_ipaddress {
        198.51.100.100/24
        198.51.100.101/24
    }"
capture v2-pass-ipv4 "ip proto 112" "arp"
extract v2-pass-ipv4 inet
extract_frames v2-pass-ipv4 garp

write_conf v3-ipv4 "    state BACKUP
    virtual_router_id 52
    priority 200
    advert_int 0.5
    version 3
    virtual_ipaddress {
        198.51.100.100/24
    }"
capture v3-ipv4 "ip proto 112" "arp"
extract v3-ipv4 inet

write_conf v3-ipv6 "    state BACKUP
    virtual_router_id 53
    priority 120
    advert_int 1
    version 3
    virtual_ipaddress {
        2001:db8::100/64
        2001:db8::101/64
    }"
capture v3-ipv6 "ip6 proto 112" "icmp6 and ip6[40] == 136"
extract v3-ipv6 inet6
extract_frames v3-ipv6 na
