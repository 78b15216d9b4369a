package org.lvsd.ipvs.kernel;

import org.lvsd.ipvs.IpvsException;

/**
 * One refused change of a batch.
 *
 * @param index position of the change in the batch (0-based)
 * @param change the change
 * @param error the kernel's refusal, naming the object and the errno
 */
public record ChangeFailure(int index, TableChange change, IpvsException error) {
}
