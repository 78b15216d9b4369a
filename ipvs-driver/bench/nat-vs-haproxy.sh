#!/usr/bin/env bash
# nat-vs-haproxy.sh: the userspace forwarder (full NAT) against haproxy (mode tcp, one thread unless told)
# in the lvs-lab topology. wrk on the client hits VIP:80 (forwarder) and VIP:81 (haproxy) on dir1,
# both relaying to nginx on rs1/rs2; runs alternate (F H F H ...) so drift hits both alike.
# Prints req/s, p99 and the proxy's CPU time per request (user + system, /proc/PID/stat) of every
# run, the means (and the median p99), and forwarder/haproxy ratios, for keep-alive and for one
# connection per request.
# Not a test: it never fails on a number. Needs root.
#
#   ipvs-driver/bench/nat-vs-haproxy.sh [ROUNDS] [SECONDS]      (defaults 2 rounds of 10 s)
#   FWD_THREADS=N  forwarder event-loop threads (default 1, like haproxy here)
#   HAP_THREADS=N  haproxy's nbthread (default 1); both at 2 compares the two proxies' defaults on
#                  a two-core machine (one loop per core; haproxy one thread per CPU)
#   FWD_JAVA_OPTS  extra JVM options of the forwarder, e.g. a flight recording:
#                  "-XX:StartFlightRecording=delay=9s,duration=8s,filename=/tmp/fwd.jfr" covers
#                  the first keep-alive run after the 9 s warm-up
#   MODES          the modes to run (default "keepalive close")
#   CONNS          wrk's connections (default 50)
#   SCHED_STATS=1  after each run, print the scheduler's view of every thread of the proxy that
#                  ran 0.1 s or more (/proc/PID/task/TID: schedstat, context switches, migrations):
#                  time on a CPU, time runnable but waiting, per request, preemptions
#   FWD_STRACE=1   after the rounds, count each proxy's system calls (strace -c -f) over a 5 s run
#                  of each mode and print them per request (one connection each in the close mode;
#                  strace slows the proxies down: only the counts mean anything)
set -euo pipefail

ROUNDS=${1:-2}
SECS=${2:-10}
FWD_THREADS=${FWD_THREADS:-1}
HAP_THREADS=${HAP_THREADS:-1}
MODES=${MODES:-keepalive close}
CONNS=${CONNS:-50}
FWD_STRACE=${FWD_STRACE:-0}
SCHED_STATS=${SCHED_STATS:-0}
read -r -a FWD_JAVA_OPTS <<< "${FWD_JAVA_OPTS:-}"
(( ROUNDS >= 1 && ROUNDS <= 10 )) || { echo "ROUNDS must be 1..10" >&2; exit 2; }
(( SECS >= 1 && SECS <= 60 )) || { echo "SECONDS must be 1..60" >&2; exit 2; }

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
LAB="$ROOT/packaging/lab/lvs-lab"
NAME=fwbench$$
NAME=${NAME:0:12}
WORK=$(mktemp -d /tmp/nat-bench.XXXXXX)
VIP=198.51.100.100

cleanup() {
    "$LAB" down "$NAME" || true
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# shellcheck source=ipvs-driver/bench/lab.sh
. "$HERE/lab.sh"
for h in client dir1; do
    ns "$h" sysctl -qw net.ipv4.tcp_tw_reuse=1
    ns "$h" sysctl -qw net.ipv4.ip_local_port_range="1024 65000"
done

for h in rs1 rs2; do
    n=${h#rs}
    d="$WORK/$h"
    mkdir -p "$d"
    cat > "$d/nginx.conf" <<CONF
user root root;
worker_processes 1;
worker_rlimit_nofile 8192;
daemon off;
pid $d/nginx.pid;
error_log $d/error.log;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $d/body;
    proxy_temp_path $d/proxy;
    fastcgi_temp_path $d/fastcgi;
    uwsgi_temp_path $d/uwsgi;
    scgi_temp_path $d/scgi;
    keepalive_requests 100000;
    server {
        listen 198.51.100.2$n:80 reuseport;
        location = / { default_type text/plain; return 200 "$h\n"; }
    }
}
CONF
    ns "$h" nginx -c "$d/nginx.conf" -p "$d" > "$d/out.log" 2>&1 &
done

cat > "$WORK/rules" <<RULES
-A -t $VIP:80 -s rr
-a -t $VIP:80 -r 198.51.100.21:80 -m -w 1
-a -t $VIP:80 -r 198.51.100.22:80 -m -w 1
RULES
mkfifo "$WORK/fwd.in"
ns dir1 java ${FWD_JAVA_OPTS[@]+"${FWD_JAVA_OPTS[@]}"} -cp "$CP" org.lvsd.ipvs.userspace.ForwarderMain --rules "$WORK/rules" --threads "$FWD_THREADS" \
    < "$WORK/fwd.in" > "$WORK/fwd.out" 2> "$WORK/fwd.err" &
FWD_PID=$!
exec 7> "$WORK/fwd.in"

cat > "$WORK/haproxy.cfg" <<CFG
global
    nbthread $HAP_THREADS
    maxconn 9000
defaults
    mode tcp
    timeout connect 2s
    timeout client 60s
    timeout server 60s
frontend fe
    bind $VIP:81
    default_backend be
backend be
    balance roundrobin
    server rs1 198.51.100.21:80
    server rs2 198.51.100.22:80
CFG
ns dir1 haproxy -f "$WORK/haproxy.cfg" -db > "$WORK/haproxy.log" 2>&1 &
HAP_PID=$!

for i in $(seq 100); do
    if grep -q ready "$WORK/fwd.out" 2>/dev/null \
        && ns client curl -sf -o /dev/null --max-time 1 "http://$VIP:80/" \
        && ns client curl -sf -o /dev/null --max-time 1 "http://$VIP:81/"; then
        break
    fi
    (( i == 100 )) && { echo "services did not come up" >&2; cat "$WORK/fwd.out" "$WORK/fwd.err" "$WORK/haproxy.log" "$WORK"/rs*/error.log >&2; exit 1; }
    sleep 0.2
done

# the processes themselves (the background jobs are the subshells running "ns")
FWD_PID=$(pgrep -P "$FWD_PID" -x java || echo "$FWD_PID")
HAP_PID=$(pgrep -P "$HAP_PID" -x haproxy || echo "$HAP_PID")

# user and system CPU ticks of a process so far: "UTIME STIME"
ticks() { awk '{ print $14, $15 }' "/proc/$1/stat"; }

# threads PID: one line per thread: TID NAME RUN_NS WAIT_NS VOLUNTARY INVOLUNTARY MIGRATIONS
threads() {
    local t
    for t in /proc/"$1"/task/*; do
        echo "${t##*/} $(tr ' ' _ < "$t/comm") $(cut -d' ' -f1-2 "$t/schedstat")" \
            "$(awk '/^voluntary_ctxt/ { v = $2 } /^nonvoluntary_ctxt/ { n = $2 } END { print v, n }' "$t/status")" \
            "$(awk '/^se.nr_migrations/ { print $3 }' "$t/sched")"
    done | sort
}

# one wrk run against PORT served by process PID: prints "REQ_PER_SEC P99_MS US_PER_REQ SYS_SHARE",
# the proxy's CPU time per request in microseconds and the system share of it in percent
run() {
    local port=$1 pid=$2 secs=$3; shift 3
    local u0 s0 u1 s1
    read -r u0 s0 < <(ticks "$pid")
    [[ $SCHED_STATS == 1 ]] && threads "$pid" > "$WORK/threads0"
    ns client wrk -t2 -c"$CONNS" -d"${secs}s" --latency "$@" "http://$VIP:$port/" > "$WORK/wrk.txt" 2>&1 || true
    read -r u1 s1 < <(ticks "$pid")
    if [[ $SCHED_STATS == 1 ]]; then
        threads "$pid" > "$WORK/threads1"
        join "$WORK/threads0" "$WORK/threads1" | awk -v port="$port" \
            -v n="$(awk '/requests in/ { print $1 }' "$WORK/wrk.txt")" '$9 - $3 >= 1e8 {
            printf "  port %s %-16s on CPU %.2f s, runnable waiting %.2f s (%.2f us/request), voluntary %d, preempted %d, migrations %d\n",
                port, $2, ($9 - $3) / 1e9, ($10 - $4) / 1e9, ($10 - $4) / 1e3 / n, $11 - $5, $12 - $6, $13 - $7 }' >&2
    fi
    awk -v ut=$((u1 - u0)) -v st=$((s1 - s0)) -v hz="$(getconf CLK_TCK)" '
        /Requests\/sec:/ { rps = $2 }
        $1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 }
                      else if (v ~ /ms$/) { sub(/ms$/, "", v) }
                      else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }
                      p99 = v }
        $0 ~ /requests in/ { n = $1 }
        END { cpu = (ut + st) / hz
              printf "%.0f %.2f %.1f %.0f\n", rps, p99, n ? cpu * 1e6 / n : 0, ut + st ? 100 * st / (ut + st) : 0 }' "$WORK/wrk.txt"
}

echo "warm-up (JIT) ..." >&2
run 80 "$FWD_PID" 3 > /dev/null
run 81 "$HAP_PID" 3 > /dev/null
run 80 "$FWD_PID" 3 -H "Connection: close" > /dev/null

# the median of the numbers given: a load spike on the host in one round moves the mean of the
# rounds' p99, not their median
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

summary=()
for mode in $MODES; do
    opts=()
    [[ $mode == close ]] && opts=(-H "Connection: close")
    fsum=0 hsum=0 fp=0 hp=0 fc=0 hc=0 fps=() hps=()
    for r in $(seq "$ROUNDS"); do
        read -r frps fp99 fus fsys < <(run 80 "$FWD_PID" "$SECS" "${opts[@]}")
        read -r hrps hp99 hus hsys < <(run 81 "$HAP_PID" "$SECS" "${opts[@]}")
        printf '%-9s round %d  forwarder %7d req/s p99 %6.2f ms %5.1f us/req (%s %% sys)   haproxy %7d req/s p99 %6.2f ms %5.1f us/req (%s %% sys)\n' \
            "$mode" "$r" "$frps" "$fp99" "$fus" "$fsys" "$hrps" "$hp99" "$hus" "$hsys"
        fsum=$(awk -v a="$fsum" -v b="$frps" 'BEGIN{print a+b}')
        hsum=$(awk -v a="$hsum" -v b="$hrps" 'BEGIN{print a+b}')
        fp=$(awk -v a="$fp" -v b="$fp99" 'BEGIN{print a+b}')
        fps+=("$fp99") hps+=("$hp99")
        hp=$(awk -v a="$hp" -v b="$hp99" 'BEGIN{print a+b}')
        fc=$(awk -v a="$fc" -v b="$fus" 'BEGIN{print a+b}')
        hc=$(awk -v a="$hc" -v b="$hus" 'BEGIN{print a+b}')
    done
    summary+=("$(awk -v m="$mode" -v f="$fsum" -v h="$hsum" -v fp="$fp" -v hp="$hp" -v fc="$fc" -v hc="$hc" -v n="$ROUNDS" 'BEGIN {
        printf "%-9s mean  forwarder %7.0f req/s p99 %6.2f ms %5.1f us/req   haproxy %7.0f req/s p99 %6.2f ms %5.1f us/req   ratio req/s %.2f  p99 %.2f  CPU/req %.2f",
            m, f/n, fp/n, fc/n, h/n, hp/n, hc/n, f/h, fp/hp, fc/hc }')")
    fmed=$(median "${fps[@]}") hmed=$(median "${hps[@]}")
    summary+=("$(awk -v m="$mode" -v f="$fmed" -v h="$hmed" 'BEGIN {
        printf "%-9s median p99  forwarder %6.2f ms   haproxy %6.2f ms   ratio %.2f", m, f, h, f/h }')")
done
printf '%s\n' "${summary[@]}"
# count_syscalls PORT PID MODE_OPTS...: PID's system calls (strace -c -f) over a 5 s wrk run
# against PORT, printed per request
count_syscalls() {
    local port=$1 pid=$2; shift 2
    timeout -s INT 7 strace -qq -c -f -p "$pid" -o "$WORK/strace.txt" &
    local strace_pid=$!
    sleep 1
    ns client wrk -t2 -c"$CONNS" -d5s "$@" "http://$VIP:$port/" > "$WORK/wrk.txt" 2>&1 || true
    wait "$strace_pid" || true
    local n
    n=$(awk '$0 ~ /requests in/ { print $1 }' "$WORK/wrk.txt")
    awk -v n="$n" '$1 ~ /^[0-9.]+$/ && NF >= 5 { printf "  %-16s %9d  %6.2f per request\n", $NF, $4, $4 / n }
                   END { printf "  (%d requests)\n", n }' \
        "$WORK/strace.txt"
}
if [[ $FWD_STRACE == 1 ]]; then
    # strace slows both proxies down: only the counts mean anything
    for mode in $MODES; do
        opts=()
        [[ $mode == close ]] && opts=(-H "Connection: close")
        echo "system calls of the forwarder, $mode:"
        count_syscalls 80 "$FWD_PID" "${opts[@]}"
        echo "system calls of haproxy, $mode:"
        count_syscalls 81 "$HAP_PID" "${opts[@]}"
    done
fi
echo "forwarder listing and counters after the runs (openConnections 0: no session left behind):"
sleep 1
echo stats >&7
echo counters >&7
sleep 1
tail -n 10 "$WORK/fwd.out"
echo quit >&7
