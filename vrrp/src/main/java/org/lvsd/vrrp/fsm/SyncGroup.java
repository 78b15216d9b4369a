package org.lvsd.vrrp.fsm;

import java.util.List;
import java.util.Optional;

/**
 * A keepalived {@code vrrp_sync_group} (reference §2.11): its members change state together.
 * A member in FAULT holds every other member in FAULT; a member goes MASTER only when all the
 * others want to as well, and then takes them to MASTER; a member that falls back to BACKUP takes the MASTER members with it;
 * lower-priority GARP bursts are repeated by the other MASTER members.
 */
public final class SyncGroup {

    private final String name;
    private final List<VrrpInstance> members;

    public SyncGroup(String name, List<VrrpInstance> members) {
        this.name = name;
        this.members = List.copyOf(members);
        if (this.members.size() < 2) {
            throw new IllegalArgumentException("sync group " + name + " needs at least two instances");
        }
        for (VrrpInstance m : this.members) {
            m.joinGroup(this);
        }
        refreshFaults();
    }

    public String name() {
        return name;
    }

    public List<VrrpInstance> members() {
        return members;
    }

    /** Recomputes, for every member, the fault imposed by the other members. */
    void refreshFaults() {
        for (VrrpInstance m : members) {
            String reason = null;
            for (VrrpInstance other : members) {
                Optional<String> fault = other == m ? Optional.empty() : other.ownFault();
                if (fault.isPresent()) {
                    reason = "sync group " + name + ": " + other.name() + " " + fault.get();
                    break;
                }
            }
            m.setGroupFault(reason);
        }
    }

    void settle(String cause) {
        for (VrrpInstance m : members) {
            m.settle(cause);
        }
    }

    boolean othersWantMaster(VrrpInstance member) {
        for (VrrpInstance m : members) {
            if (m != member && !m.wantsMaster()) {
                return false;
            }
        }
        return true;
    }

    void memberChanged(VrrpInstance source, VrrpState to) {
        String reason = "sync group " + name + ": " + source.name() + " became " + to;
        for (VrrpInstance m : members) {
            if (m == source) {
                continue;
            }
            if (to == VrrpState.MASTER) {
                m.forceMaster(reason);
            } else if (to == VrrpState.BACKUP) {
                m.forceBackup(reason);
            }
        }
    }

    void lowerPriorityAdvert(VrrpInstance source) {
        for (VrrpInstance m : members) {
            if (m != source) {
                m.announceLowerPriority();
            }
        }
    }
}
