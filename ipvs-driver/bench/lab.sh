# Sourced by the benchmarks here: builds ipvs-driver's runtime classpath offline into CP, brings up
# an lvs-lab named $NAME (packaging/lab/lvs-lab; the caller's trap takes it down) with the VIP
# $VIP on dir1's eth0, and defines ns HOST CMD... to run a command in one of its namespaces.
# Needs ROOT, LAB, NAME, WORK and VIP set.

echo "building the classpath (offline)..." >&2
(cd "$ROOT" && ./mvnw -B -o -q -pl ipvs-driver -am compile dependency:build-classpath \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime >&2)
CP="$ROOT/ipvs-driver/target/classes:$(cat "$WORK/cp.txt")"

"$LAB" up "$NAME"
ns() { ip netns exec "$NAME-$1" "${@:2}"; }
ns dir1 ip addr add "$VIP/32" dev eth0
