package org.lancang.store.maintenance;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored defect photo. {@code mediaType} is the type its bytes proved ({@link org.lancang.maintenance.Photos}), so it
 * is safe to serve with that Content-Type.
 */
public record Photo(UUID id, String defectId, String mediaType, byte[] bytes, String uploadedBy, Instant uploadedAt) {
    public int size() {
        return bytes.length;
    }
}
