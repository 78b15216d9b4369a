package org.lvsd.conf.model;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@code vrrp_instance} as written, before defaults and traps are applied. */
final class InstanceDraft {

    String name;
    Where where;
    Optional<VrrpInstance.State> state = Optional.empty();
    Optional<String> iface = Optional.empty();
    Optional<Integer> vrid = Optional.empty();
    boolean vridGiven;
    Optional<Integer> priority = Optional.empty();
    Optional<Stmt> advertInt = Optional.empty();
    Optional<Integer> version = Optional.empty();
    boolean nopreempt;
    Optional<Duration> preemptDelay = Optional.empty();
    final GarpReader garp = new GarpReader();
    Optional<Boolean> lowerPrioNoAdvert = Optional.empty();
    Optional<Boolean> higherPrioSendAdvert = Optional.empty();
    Optional<Integer> downTimerAdverts = Optional.empty();
    final List<VirtualAddress> vips = new ArrayList<>();
    final List<VirtualAddress> excluded = new ArrayList<>();
    boolean noVips;
    final List<VirtualRoute> routes = new ArrayList<>();
    final List<VirtualRule> rules = new ArrayList<>();
    final List<TrackInterface> trackInterfaces = new ArrayList<>();
    final List<TrackRef> trackScripts = new ArrayList<>();
    final List<TrackRef> trackFiles = new ArrayList<>();
    boolean dontTrackPrimary;
    Optional<InetAddress> sourceAddress = Optional.empty();
    Optional<Stmt> mcastDst = Optional.empty();
    Optional<InetAddress> mcastDstAddress = Optional.empty();
    final List<UnicastPeer> peers = new ArrayList<>();
    Optional<Integer> unicastTtl = Optional.empty();
    boolean checkUnicastSrc;
    Optional<Boolean> v3ChecksumAsV2 = Optional.empty();
    Optional<Authentication> auth = Optional.empty();
    Optional<Boolean> accept = Optional.empty();
    boolean useVmac;
    Optional<String> vmacName = Optional.empty();
    Optional<Boolean> strict = Optional.empty();
    Optional<Boolean> skipCheckAdvAddr = Optional.empty();
    final NotifyReader notify = new NotifyReader();
    Optional<Boolean> notifyPriorityChanges = Optional.empty();
    Optional<Boolean> smtpAlert = Optional.empty();
    Optional<String> lvsSyncDaemonInterface = Optional.empty();
}
