# Sourced by the benchmarks here: builds ipvs-driver's runtime classpath offline into CP, brings up
# an lvs-lab named $NAME (packaging/lab/lvs-lab; the caller's trap takes it down) with the VIP
# $VIP on dir1's eth0 (for an IPv6 VIP the lab gets 2001:db8::/64 too), and defines
# ns HOST CMD... to run a command in one of its namespaces.
# Needs ROOT, LAB, NAME, WORK and VIP set.

echo "building the classpath (offline)..." >&2
(cd "$ROOT" && ./mvnw -B -o -q -pl ipvs-driver -am compile dependency:build-classpath \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime >&2)
CP="$ROOT/ipvs-driver/target/classes:$(cat "$WORK/cp.txt")"

ns() { ip netns exec "$NAME-$1" "${@:2}"; }
if [[ $VIP == *:* ]]; then
    # deprecated (preferred_lft 0): served, never the source toward the servers
    "$LAB" up "$NAME" --ipv6
    ns dir1 ip addr add "$VIP/128" dev eth0 nodad preferred_lft 0
else
    "$LAB" up "$NAME"
    ns dir1 ip addr add "$VIP/32" dev eth0
fi
