package org.lvsd.ipvs;

import java.util.Objects;

/**
 * One refused change of a batch given to {@link IpvsDriver#apply}.
 *
 * @param index position of the change in the batch (0-based)
 * @param change the change
 * @param error the refusal, naming the object and the errno
 */
public record ChangeFailure(int index, TableChange change, IpvsException error) {

    public ChangeFailure {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(error, "error");
    }
}
