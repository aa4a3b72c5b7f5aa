package org.lancang.store.changes;

/** Where a change is in its life: a draft is published or discarded; a published change may be undone. */
public enum ChangeStatus {
    DRAFT,
    PUBLISHED,
    UNDONE,
    DISCARDED
}
